"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { OutboxNotice, type OutboxNoticeLabels } from "@/components/outbox/outbox-notice";
import { useOutboxForm } from "@/components/outbox/use-outbox-form";

type Labels = {
  errorTitle: string;
  errorPrefix: string;
  body: string;
  bodyHint: string;
  bodyPlaceholder: string;
  subject: string;
  subjectHint: string;
  question: string;
  questionHint: string;
  submit: string;
  sending: string;
  draftNote: string;
  refused: string;
};

const fieldIds: Record<string, string> = { bodyId: "bodyId", subject: "subject", question: "question" };

/** The "ask a public body" form: plain server action without JavaScript, offline outbox with it. */
export function QuestionForm({
  action,
  idempotencyKey,
  userId,
  locale,
  formPath,
  bodies,
  labels,
  outboxLabels,
}: {
  action: (prev: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
  idempotencyKey: string;
  userId: string;
  locale: string;
  formPath: string;
  bodies: { value: string; label: string }[];
  labels: Labels;
  outboxLabels: OutboxNoticeLabels;
}) {
  const [actionState, formAction, pending] = useActionState(action, null);
  const outbox = useOutboxForm({
    kind: "question",
    formId: "question",
    formPath,
    userId,
    locale,
    idempotencyKey,
    titleField: "subject",
    action,
    actionState,
    formAction,
    hasServerValues: actionState !== null && !actionState.ok,
    refusedMessage: labels.refused,
  });
  const state = outbox.state;
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const summary = Object.entries(errors).map(([field, message]) => ({ href: `#${fieldIds[field] ?? "subject"}`, message }));
  if (failed && summary.length === 0) summary.push({ href: "#subject", message: failed.message });
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const busy = pending || outbox.status.state === "sending";

  return (
    <form ref={outbox.formRef} action={formAction} onSubmit={outbox.onSubmit} onInput={outbox.onInput} noValidate className="max-w-2xl">
      <ErrorSummary title={labels.errorTitle} errors={summary} />
      <OutboxNotice status={outbox.status} labels={outboxLabels} />
      <input type="hidden" name="idempotencyKey" value={outbox.key} />
      <input type="hidden" name="kind" value="question" />
      <SelectField
        id="bodyId"
        name="bodyId"
        label={labels.body}
        hint={labels.bodyHint}
        error={errors.bodyId}
        errorPrefix={labels.errorPrefix}
        options={bodies}
        placeholder={labels.bodyPlaceholder}
        defaultValue={v("bodyId") ?? ""}
        key={`bodyId-${v("bodyId") ?? ""}`}
      />
      <TextField
        id="subject"
        name="subject"
        label={labels.subject}
        hint={labels.subjectHint}
        error={errors.subject}
        errorPrefix={labels.errorPrefix}
        defaultValue={v("subject")}
        key={`subject-${v("subject") ?? ""}`}
        maxLength={120}
        autoComplete="off"
      />
      <TextArea
        id="question"
        name="question"
        label={labels.question}
        hint={labels.questionHint}
        error={errors.question}
        errorPrefix={labels.errorPrefix}
        defaultValue={v("question")}
        key={`question-${v("question") ?? ""}`}
        maxLength={3000}
        rows={8}
      />
      <p className="mb-4 text-sm text-muted">{labels.draftNote}</p>
      <Button type="submit" disabled={busy} aria-disabled={busy}>
        {busy ? labels.sending : labels.submit}
      </Button>
    </form>
  );
}
