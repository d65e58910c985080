import { createOutbox, type Outbox, type Outcome, type Transport } from "./outbox";
import { openStore } from "./store";

/**
 * The outbox of this browser: one per page (and one in the service worker), over the same
 * IndexedDB. Every outcome is announced to the page (`idarti-outbox` event) and to other tabs
 * (BroadcastChannel), so notices and the list of unsent items stay true.
 */
export const OUTBOX_EVENT = "idarti-outbox";
export const SYNC_TAG = "idarti-outbox";
export const SUBMISSIONS_ENDPOINT = "/api/v1/submissions";

export function fetchTransport(opts: { endpoint?: string; locale?: string; fetch?: typeof fetch } = {}): Transport {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  return async (item) => {
    const res = await doFetch(opts.endpoint ?? SUBMISSIONS_ENDPOINT, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "idempotency-key": item.key, "x-idarti-user": item.userId },
      body: JSON.stringify({ kind: item.kind, payload: item.payload, locale: opts.locale }),
    });
    const body: unknown = await res.json().catch(() => null);
    return { status: res.status, body };
  };
}

let pending: Promise<Outbox> | undefined;
let channel: BroadcastChannel | undefined;

function announce(outcome: Outcome) {
  if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent<Outcome>(OUTBOX_EVENT, { detail: outcome }));
  channel?.postMessage(outcome);
}

export function browserOutbox(locale?: string): Promise<Outbox> {
  if (!pending) {
    // The service worker's Background Sync reports what it sent.
    if (typeof navigator !== "undefined" && "serviceWorker" in navigator) {
      navigator.serviceWorker.addEventListener("message", (e: MessageEvent<{ type?: string; outcome?: Outcome }>) => {
        if (e.data?.type === OUTBOX_EVENT && e.data.outcome && typeof window !== "undefined") {
          window.dispatchEvent(new CustomEvent<Outcome>(OUTBOX_EVENT, { detail: e.data.outcome }));
        }
      });
    }
    if (typeof BroadcastChannel !== "undefined") {
      channel = new BroadcastChannel(OUTBOX_EVENT);
      channel.onmessage = (e: MessageEvent<Outcome>) => {
        if (typeof window !== "undefined") window.dispatchEvent(new CustomEvent<Outcome>(OUTBOX_EVENT, { detail: e.data }));
      };
    }
    pending = openStore()
      .then((store) => createOutbox({ store, transport: fetchTransport({ locale }), onChange: announce }))
      .catch((error: unknown) => {
        pending = undefined; // never keep a failed open (private mode, storage full): try again next time
        throw error;
      });
  }
  return pending;
}

export function outboxAvailable(): boolean {
  return typeof indexedDB !== "undefined" && typeof fetch !== "undefined";
}

/** Asks the service worker to send the queue when the network returns, where the browser can. */
export async function requestBackgroundSync(): Promise<void> {
  // At a self-service corner nothing is sent after the person has left (lib/kiosk): the screen
  // offers to send it now, or deletes it with everything else.
  if (typeof document !== "undefined" && /(?:^|; )idarti-kiosk=/.test(document.cookie)) return;
  try {
    if (!("serviceWorker" in navigator)) return;
    const reg = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // Not supported or not allowed: `online` and the next visit still send it.
  }
}
