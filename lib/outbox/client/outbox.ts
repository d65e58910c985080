import type { Draft, OutboxItem, OutboxStore } from "./store";

/**
 * The offline outbox. A submission is written to IndexedDB *before* it is sent, so a crash, a
 * reload or a dead network never loses it; it leaves the queue only on a final answer:
 * - 2xx: done (the server keeps the result under the idempotency key, so a duplicate is harmless);
 * - a 4xx the citizen must fix: kept as "rejected" with the server's message until corrected or
 *   deleted — what was typed is never thrown away;
 * - a network error, 408, 425, 429, 5xx, 401 (signed out meanwhile) or a session of someone else:
 *   kept, and sent again on `online`, on the next visit, or by Background Sync.
 */
export type SendResult = { status: number; body: unknown };
export type Transport = (item: Pick<OutboxItem, "key" | "kind" | "payload" | "userId">) => Promise<SendResult>;

export type Outcome =
  | { state: "sent"; key: string; body: unknown; replayed?: boolean }
  | { state: "queued"; key: string; reason: "offline" | "server" }
  | { state: "rejected"; key: string; status: number; body: unknown };

export type NewSubmission = Omit<OutboxItem, "attempts" | "state" | "createdAt" | "rejection">;

type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

export function classify(result: SendResult): "sent" | "retry" | "rejected" {
  const { status } = result;
  if (status >= 200 && status < 300) return "sent";
  if (status >= 500 || status === 408 || status === 425 || status === 429 || status === 401) return "retry";
  // Another person is signed in on this device: the item waits for its own citizen.
  if (status === 409 && (result.body as ErrorBody | null)?.error?.code === "actorMismatch") return "retry";
  if (status >= 400) return "rejected";
  return "retry"; // 1xx/3xx: not an answer about the submission
}

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(opts: { store: OutboxStore; transport: Transport; now?: () => number; onChange?: (outcome: Outcome) => void }) {
  const { store, transport } = opts;
  const now = opts.now ?? Date.now;
  const inFlight = new Map<string, Promise<Outcome>>();

  async function attempt(item: OutboxItem): Promise<Outcome> {
    let result: SendResult;
    try {
      result = await transport({ key: item.key, kind: item.kind, payload: item.payload, userId: item.userId });
    } catch {
      await store.putItem({ ...item, attempts: item.attempts + 1 });
      return { state: "queued", key: item.key, reason: "offline" };
    }
    const verdict = classify(result);
    if (verdict === "sent") {
      await store.deleteItem(item.key);
      return { state: "sent", key: item.key, body: result.body };
    }
    if (verdict === "rejected") {
      const error = (result.body as ErrorBody | null)?.error;
      await store.putItem({ ...item, attempts: item.attempts + 1, state: "rejected", rejection: { status: result.status, message: error?.message, fields: error?.fields } });
      return { state: "rejected", key: item.key, status: result.status, body: result.body };
    }
    await store.putItem({ ...item, attempts: item.attempts + 1 });
    return { state: "queued", key: item.key, reason: "server" };
  }

  /** One send at a time per key, in this page; other pages are covered by the server's idempotency. */
  function send(item: OutboxItem): Promise<Outcome> {
    const running = inFlight.get(item.key);
    if (running) return running;
    const p = attempt(item)
      .then((outcome) => {
        opts.onChange?.(outcome);
        return outcome;
      })
      .finally(() => inFlight.delete(item.key));
    inFlight.set(item.key, p);
    return p;
  }

  return {
    /** Stores the submission, then tries to send it at once. */
    async submit(input: NewSubmission): Promise<Outcome> {
      const existing = await store.getItem(input.key);
      const item: OutboxItem = existing && existing.state === "queued" ? existing : { ...input, createdAt: now(), attempts: 0, state: "queued" };
      await store.putItem(item);
      await store.deleteDraft(`${input.userId}:${input.formId}`);
      return send(item);
    },

    /** Sends every queued item (of one citizen, when given), oldest first. */
    async flush(filter: { userId?: string } = {}): Promise<Outcome[]> {
      const items = (await store.listItems()).filter((i) => i.state === "queued" && (!filter.userId || i.userId === filter.userId));
      const outcomes: Outcome[] = [];
      for (const item of items) {
        const outcome = await send(item);
        outcomes.push(outcome);
        // The network is down: the rest would fail the same way.
        if (outcome.state === "queued" && outcome.reason === "offline") break;
      }
      return outcomes;
    },

    async list(userId: string): Promise<OutboxItem[]> {
      return (await store.listItems()).filter((i) => i.userId === userId);
    },

    remove: (key: string) => store.deleteItem(key),

    /** Moves a rejected item back into its form as a draft, to be corrected and sent again. */
    async reopen(key: string): Promise<OutboxItem | undefined> {
      const item = await store.getItem(key);
      if (!item) return undefined;
      const values: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(item.payload)) {
        if (typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"))) values[k] = v as string | string[];
      }
      await store.putDraft({ id: `${item.userId}:${item.formId}`, values, updatedAt: now() });
      await store.deleteItem(key);
      return item;
    },

    saveDraft: (userId: string, formId: string, values: Draft["values"]) => store.putDraft({ id: `${userId}:${formId}`, values, updatedAt: now() }),
    loadDraft: (userId: string, formId: string) => store.getDraft(`${userId}:${formId}`),
    clearDraft: (userId: string, formId: string) => store.deleteDraft(`${userId}:${formId}`),
  };
}
