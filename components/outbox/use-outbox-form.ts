"use client";
import { startTransition, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { browserOutbox, outboxAvailable, OUTBOX_EVENT, requestBackgroundSync } from "@/lib/outbox/client/browser";
import type { Outcome } from "@/lib/outbox/client/outbox";

/**
 * Gives a form the offline outbox, on top of its plain server action (which still works
 * without JavaScript):
 * - the draft is saved on this phone as the citizen types and put back after a reload;
 * - on submit the submission goes through the outbox: sent → the case page; no network or a
 *   server fault → kept on the phone and said so; a refusal → the server action renders the
 *   errors (it creates nothing when the answers are invalid).
 */
export type OutboxFormStatus =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "queued"; key: string }
  | { state: "sent"; reference: string; url: string }
  | { state: "refused"; message: string };

const HIDDEN = new Set(["idempotencyKey", "kind"]);

function valuesOf(form: HTMLFormElement): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new FormData(form).entries()) {
    if (HIDDEN.has(k) || k.startsWith("$ACTION") || typeof v !== "string") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function fill(form: HTMLFormElement, values: Record<string, string | string[]>) {
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? value : [value];
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || el.name !== name) continue;
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) el.checked = list.includes(el.value);
      else el.value = list[0] ?? "";
    }
  }
}

export function useOutboxForm(opts: {
  kind: string;
  formId: string;
  formPath: string;
  userId: string;
  locale: string;
  /** The key the server put in the form when it rendered it. */
  idempotencyKey: string;
  /** Field whose value names the submission in the list of unsent items. */
  titleField: string;
  /** The server action of the form (useActionState's), to render errors of a refused submission. */
  formAction: (payload: FormData) => void;
  /** The server already sent values back (errors shown): do not overwrite them with the draft. */
  hasServerValues: boolean;
  refusedMessage: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<OutboxFormStatus>({ state: "idle" });
  const [key, setKey] = useState(opts.idempotencyKey);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { userId, formId, locale, hasServerValues } = opts;

  // Put the draft back after a reload (unless the server just sent values with errors).
  useEffect(() => {
    if (!outboxAvailable() || hasServerValues) return;
    let cancelled = false;
    void browserOutbox(locale)
      .then((outbox) => outbox.loadDraft(userId, formId))
      .then((draft) => {
        if (!cancelled && draft && formRef.current) fill(formRef.current, draft.values);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [userId, formId, locale, hasServerValues]);

  // A queued submission sent later (back online, another tab, Background Sync): say so here.
  useEffect(() => {
    if (status.state !== "queued") return;
    const onOutcome = (e: Event) => {
      const outcome = (e as CustomEvent<Outcome>).detail;
      if (outcome.key !== status.key) return;
      if (outcome.state === "sent") {
        const body = outcome.body as { reference?: string; url?: string } | null;
        if (body?.reference && body.url) setStatus({ state: "sent", reference: body.reference, url: body.url });
      } else if (outcome.state === "rejected") {
        setStatus({ state: "refused", message: opts.refusedMessage });
      }
    };
    window.addEventListener(OUTBOX_EVENT, onOutcome);
    return () => window.removeEventListener(OUTBOX_EVENT, onOutcome);
  }, [status, opts.refusedMessage]);

  const onInput = useCallback(() => {
    if (!outboxAvailable()) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      void browserOutbox(locale)
        .then((outbox) => outbox.saveDraft(userId, formId, valuesOf(form)))
        .catch(() => undefined);
    }, 300);
  }, [userId, formId, locale]);

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      // Without IndexedDB the plain form posts to the server action, as without JavaScript.
      if (!outboxAvailable()) return;
      // Online, the server checks the answers and shows them to check before sending; offline,
      // the submission waits on this phone and is sent as it is when the network is back.
      if (navigator.onLine) return;
      event.preventDefault();
      const form = event.currentTarget;
      if (status.state === "sending") return;
      clearTimeout(saveTimer.current);
      setStatus({ state: "sending" });
      const values = valuesOf(form);
      const formData = new FormData(form);
      try {
        const outbox = await browserOutbox(locale);
        const title = values[opts.titleField];
        const outcome = await outbox.submit({
          key,
          userId,
          kind: opts.kind,
          payload: values,
          formId,
          formPath: opts.formPath,
          title: typeof title === "string" ? title.slice(0, 120) : "",
        });
        if (outcome.state === "sent") {
          const body = outcome.body as { url?: string } | null;
          window.location.assign(body?.url ? `${body.url}/sent` : opts.formPath);
          return;
        }
        if (outcome.state === "queued") {
          setStatus({ state: "queued", key });
          form.reset();
          setKey(crypto.randomUUID()); // the next question on this page is another submission
          void requestBackgroundSync();
          return;
        }
        // Refused: the answers go back into the form, and the server action shows the errors.
        await outbox.reopen(outcome.key);
        if (outcome.status === 422) {
          setStatus({ state: "idle" });
          startTransition(() => opts.formAction(formData));
        } else {
          const message = (outcome.body as { error?: { message?: string } } | null)?.error?.message;
          setStatus({ state: "refused", message: message ?? opts.refusedMessage });
        }
      } catch {
        // IndexedDB refused (private mode, full disk): fall back to the plain post.
        setStatus({ state: "idle" });
        startTransition(() => opts.formAction(formData));
      }
    },
    [key, userId, formId, locale, status.state, opts],
  );

  return { formRef, status, key, onSubmit, onInput };
}
