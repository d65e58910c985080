"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { browserOutbox, outboxAvailable, OUTBOX_EVENT, requestBackgroundSync } from "@/lib/outbox/client/browser";
import type { Outcome } from "@/lib/outbox/client/outbox";
import { formDataToObject, type FormValues } from "@/lib/http/form-data";

/**
 * The offline outbox, as the form kit uses it for every citizen submission (ADR 0018):
 * - the draft is kept on this phone as the citizen types and put back after a reload;
 * - a submission the network refused (offline, no answer, a 5xx, a proxy's page) is stored on
 *   the phone under the form's idempotency key and sent when it can be — the server files it
 *   once, whichever copy arrives;
 * - only answers the form's schema accepted get here (the kit checks them first).
 */
export type OutboxOptions = {
  /** The case kind the submission files (lib/outbox/submit.ts). */
  kind: string;
  /** Where the draft is kept (default: the kind; the confirmation page clears it by that name). */
  formId?: string;
  formPath: string;
  userId: string;
  /** The key the server put in the form when it rendered it. */
  idempotencyKey: string;
  /** The field whose value names the submission in the list of unsent items… */
  titleField?: string;
  /** …or the name itself (a check page, which has no fields). */
  title?: string;
  /** What to send instead of the form's fields: the answers a check page shows (already on the server as a draft). */
  payload?: FormValues;
};

export type OutboxStatus =
  | { state: "idle" }
  | { state: "queued"; key: string }
  | { state: "sent"; reference: string; url: string }
  | { state: "refused"; message: string };

/** The kit's own fields and Next's: not part of what the citizen answered. */
const NOT_ANSWERS = new Set(["idempotencyKey", "kind", "formPath"]);
export const answersOf = (form: HTMLFormElement): FormValues => formDataToObject(new FormData(form), (name) => NOT_ANSWERS.has(name));

function fill(form: HTMLFormElement, values: FormValues) {
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? value : [value];
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || el.name !== name) continue;
      if (el instanceof HTMLInputElement && el.type === "hidden") continue; // the server's, not the draft's
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) el.checked = list.includes(el.value);
      else if (!(el instanceof HTMLInputElement && el.type === "file")) el.value = list[0] ?? "";
    }
  }
}

export type OutboxSend = { outcome: "navigating" } | { outcome: "queued" } | { outcome: "refused"; status: number };

export function useOutbox(opts: OutboxOptions | undefined, locale: string, refusedMessage: string, opts2: { formRef: React.RefObject<HTMLFormElement | null>; hasServerValues: boolean }) {
  const [status, setStatus] = useState<OutboxStatus>({ state: "idle" });
  const [key, setKey] = useState(opts?.idempotencyKey ?? "");
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const userId = opts?.userId;
  const formId = opts ? (opts.formId ?? opts.kind) : undefined;
  const keepsDraft = Boolean(opts && !opts.payload);
  const { formRef, hasServerValues } = opts2;

  // Put the draft back after a reload (unless the server just sent values with errors).
  useEffect(() => {
    if (!keepsDraft || !userId || !formId || !outboxAvailable() || hasServerValues) return;
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
  }, [keepsDraft, userId, formId, locale, hasServerValues, formRef]);

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
        setStatus({ state: "refused", message: refusedMessage });
      }
    };
    window.addEventListener(OUTBOX_EVENT, onOutcome);
    return () => window.removeEventListener(OUTBOX_EVENT, onOutcome);
  }, [status, refusedMessage]);

  const onInput = useCallback(() => {
    if (!keepsDraft || !userId || !formId || !outboxAvailable()) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      void browserOutbox(locale)
        .then((outbox) => outbox.saveDraft(userId, formId, answersOf(form)))
        .catch(() => undefined);
    }, 300);
  }, [keepsDraft, userId, formId, locale, formRef]);

  /**
   * Stores the submission on this phone first, then sends it when it can be. Returns what
   * happened; "refused" means the server answered no (the caller shows why).
   */
  const viaOutbox = useCallback(
    async (form: HTMLFormElement): Promise<OutboxSend> => {
      if (!opts || !userId || !formId) throw new Error("no outbox");
      clearTimeout(saveTimer.current); // a draft saved after this would come back once sent
      const values = opts.payload ?? answersOf(form);
      const outbox = await browserOutbox(locale);
      const title = opts.title ?? (opts.titleField ? values[opts.titleField] : undefined);
      const outcome = await outbox.submit({ key, userId, kind: opts.kind, payload: values, formId, formPath: opts.formPath, title: typeof title === "string" ? title.slice(0, 120) : "" });
      if (outcome.state === "sent") {
        const body = outcome.body as { url?: string } | null;
        window.location.assign(body?.url ? `${body.url}/sent` : opts.formPath);
        return { outcome: "navigating" };
      }
      if (outcome.state === "queued") {
        setStatus({ state: "queued", key });
        if (keepsDraft) {
          form.reset();
          setKey(crypto.randomUUID()); // the next question on this page is another submission
        }
        void requestBackgroundSync();
        return { outcome: "queued" };
      }
      // Refused: the answers go back into the form as its draft.
      await outbox.reopen(outcome.key);
      const message = (outcome.body as { error?: { message?: string } } | null)?.error?.message;
      if (outcome.status !== 422) setStatus({ state: "refused", message: message ?? refusedMessage });
      return { outcome: "refused", status: outcome.status };
    },
    [opts, userId, formId, key, locale, keepsDraft, refusedMessage],
  );

  const cancelDraftSave = useCallback(() => clearTimeout(saveTimer.current), []);
  const resetStatus = useCallback(() => setStatus({ state: "idle" }), []);

  return { status, key, onInput, viaOutbox, cancelDraftSave, resetStatus, available: Boolean(opts) && outboxAvailable() };
}
