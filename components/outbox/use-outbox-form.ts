"use client";
import { unstable_rethrow } from "next/navigation";
import { startTransition, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { browserOutbox, outboxAvailable, OUTBOX_EVENT, requestBackgroundSync } from "@/lib/outbox/client/browser";
import type { Outcome } from "@/lib/outbox/client/outbox";

/**
 * Gives a form the offline outbox, on top of its plain server action (which still works
 * without JavaScript):
 * - the draft is saved on this phone as the citizen types and put back after a reload;
 * - offline, the submission goes through the outbox: sent → the case page; no network or a
 *   server fault → kept on the phone and said so; a refusal → the server action renders the
 *   errors (it creates nothing when the answers are invalid);
 * - online, the page calls the server action itself (not through useActionState, whose failure
 *   would only reach an error boundary): its answer is shown as usual, its redirect followed,
 *   and a failure without an answer (network error, 5xx, a proxy's page) hands the submission,
 *   under the same idempotency key, to the outbox — which keeps it until a final answer.
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

/** A redirect (or notFound) from the action: Next's router already follows it. */
function isNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

export function useOutboxForm<T>(opts: {
  kind: string;
  /** Where the draft is kept: the kind's name (the confirmation page clears it by that name). */
  formId: string;
  formPath: string;
  userId: string;
  locale: string;
  /** The key the server put in the form when it rendered it. */
  idempotencyKey: string;
  /** Field whose value names the submission in the list of unsent items. */
  titleField: string;
  /** The form's server action, called directly when online (so that its failure can be caught). */
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  /** useActionState's state and dispatcher over that action: the form without JavaScript, and
   * the errors of a submission the outbox saw refused. */
  actionState: ActionResult<T> | null;
  formAction: (payload: FormData) => void;
  /** The server already sent values back (errors shown): do not overwrite them with the draft. */
  hasServerValues: boolean;
  refusedMessage: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<OutboxFormStatus>({ state: "idle" });
  const [key, setKey] = useState(opts.idempotencyKey);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sending = useRef(false);
  // The answer of an action the page called itself, over the useActionState it was called beside:
  // a later dispatch of useActionState (a new `actionState`) wins over it.
  const [direct, setDirect] = useState<{ result: ActionResult<T>; over: ActionResult<T> | null } | null>(null);
  const state = direct && direct.over === opts.actionState ? direct.result : opts.actionState;
  const { userId, formId, locale } = opts;
  const hasServerValues = opts.hasServerValues || direct !== null;

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

  /** Hands the submission to the outbox: stored on this phone first, then sent when it can be. */
  const viaOutbox = useCallback(
    async (form: HTMLFormElement, formData: FormData) => {
      const values = valuesOf(form);
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
    [key, userId, formId, locale, opts],
  );

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      // Without IndexedDB the plain form posts to the server action, as without JavaScript.
      if (!outboxAvailable()) return;
      event.preventDefault();
      if (sending.current) return; // a double click: the first one is on its way
      const form = event.currentTarget;
      // The button that was pressed says which step it is (the report form's "send").
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const formData = new FormData(form, submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null);
      sending.current = true;
      clearTimeout(saveTimer.current); // a draft saved after this would come back once sent
      setStatus({ state: "sending" });
      try {
        // Offline, the submission waits on this phone and is sent as it is when the network is back.
        if (!navigator.onLine) return await viaOutbox(form, formData);
        // Online, the server checks the answers (and may show them to check before sending).
        let result: ActionResult<T>;
        try {
          result = await opts.action(state, formData);
        } catch (error) {
          if (isNavigation(error)) return; // sent (or on to the next step): the router navigates
          // No answer about the submission (network error, 5xx, an unexpected page): the outbox
          // keeps it under the same key, so if the server did file it, the replay files nothing.
          return await viaOutbox(form, formData);
        }
        setDirect({ result, over: opts.actionState });
        setStatus({ state: "idle" });
      } finally {
        sending.current = false;
      }
    },
    [state, viaOutbox, opts],
  );

  return { formRef, status, key, state, onSubmit, onInput };
}
