"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField, Radios, SelectField, TextArea, TextField, type Option } from "@/components/ui/field";
import { OutboxNotice, type OutboxNoticeLabels } from "@/components/outbox/outbox-notice";
import { useOutboxForm } from "@/components/outbox/use-outbox-form";

/**
 * The form of every requests kind (complaint, suggestion, municipal report, information
 * request): fields described by the page (server), a plain server action without JavaScript,
 * the offline outbox with it (draft kept on the phone, sent when the network is back).
 */
export type FieldSpec =
  | { type: "hidden"; name: string; value: string }
  | { type: "text"; name: string; label: string; hint?: string; maxLength?: number; autoComplete?: string }
  | { type: "textarea"; name: string; label: string; hint?: string; maxLength?: number; rows?: number }
  | { type: "select"; name: string; label: string; hint?: string; options: Option[]; placeholder: string }
  | { type: "radios"; name: string; label: string; hint?: string; options: { value: string; label: string; hint?: string }[] }
  | { type: "checkbox"; name: string; label: string; hint?: string; value?: string };

export type RequestFormLabels = { errorTitle: string; errorPrefix: string; submit: string; sending: string; draftNote: string; refused: string };

/** A file field (up to 5 photos or PDF): its limits are said before anything is chosen. */
export type AttachmentsSpec = {
  label: string;
  hint: string;
  accept: string;
  currentLabel: string;
  current: { id: string; label: string; removeLabel: string }[];
};

export function RequestForm({
  action,
  kind,
  idempotencyKey,
  userId,
  locale,
  formPath,
  titleField,
  fields,
  labels,
  outboxLabels,
  initialValues,
  attachments,
}: {
  action: (prev: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
  kind: string;
  idempotencyKey: string;
  userId: string;
  locale: string;
  formPath: string;
  titleField: string;
  fields: FieldSpec[];
  labels: RequestFormLabels;
  outboxLabels: OutboxNoticeLabels;
  /** Answers to put back (a change link from the check page). */
  initialValues?: Record<string, string | string[]>;
  attachments?: AttachmentsSpec;
}) {
  const [actionState, formAction, pending] = useActionState(action, null);
  const outbox = useOutboxForm({
    kind,
    formId: kind,
    formPath,
    userId,
    locale,
    idempotencyKey,
    titleField,
    action,
    actionState,
    formAction,
    hasServerValues: (actionState !== null && !actionState.ok) || initialValues !== undefined,
    refusedMessage: labels.refused,
  });
  const state = outbox.state;
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? initialValues ?? {};
  const errors = failed?.fieldErrors ?? {};
  const visible = fields.filter((f) => f.type !== "hidden");
  const known = new Set(visible.map((f) => f.name));
  const summary = Object.entries(errors).map(([field, message]) => ({ href: `#${known.has(field) ? field : visible[0]?.name ?? ""}`, message }));
  if (failed && summary.length === 0) summary.push({ href: `#${visible[0]?.name ?? ""}`, message: failed.message });
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const busy = pending || outbox.status.state === "sending";
  const common = (f: { name: string; label: string; hint?: string }) => ({
    id: f.name,
    name: f.name,
    label: f.label,
    hint: f.hint,
    error: errors[f.name],
    errorPrefix: labels.errorPrefix,
  });
  // A new key when the server sent values back makes React apply them as the new defaults.
  const keyOf = (name: string) => `${name}-${v(name) ?? ""}`;

  return (
    <form ref={outbox.formRef} action={formAction} onSubmit={outbox.onSubmit} onInput={outbox.onInput} noValidate className="max-w-2xl">
      <ErrorSummary title={labels.errorTitle} errors={summary} />
      <OutboxNotice status={outbox.status} labels={outboxLabels} />
      <input type="hidden" name="idempotencyKey" value={outbox.key} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="formPath" value={formPath} />
      {fields.map((f) => {
        switch (f.type) {
          case "hidden":
            return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          case "text":
            return <TextField {...common(f)} key={keyOf(f.name)} defaultValue={v(f.name)} maxLength={f.maxLength} autoComplete={f.autoComplete ?? "off"} />;
          case "textarea":
            return <TextArea {...common(f)} key={keyOf(f.name)} defaultValue={v(f.name)} maxLength={f.maxLength} rows={f.rows ?? 6} />;
          case "select":
            return <SelectField {...common(f)} key={keyOf(f.name)} options={f.options} placeholder={f.placeholder} defaultValue={v(f.name) ?? ""} />;
          case "radios":
            return <Radios {...common(f)} key={keyOf(f.name)} options={f.options} defaultValue={v(f.name)} />;
          case "checkbox":
            return (
              <div key={keyOf(f.name)} className="mb-6 flex items-start gap-3">
                <input
                  id={f.name}
                  type="checkbox"
                  name={f.name}
                  value={f.value ?? "true"}
                  defaultChecked={values[f.name] !== undefined}
                  aria-describedby={f.hint ? `${f.name}-hint` : undefined}
                  className="mt-1 size-7 shrink-0 accent-brand"
                />
                <div>
                  <label htmlFor={f.name} className="block min-h-8 py-0.5 font-semibold">
                    {f.label}
                  </label>
                  {f.hint ? (
                    <div id={`${f.name}-hint`} className="text-muted">
                      {f.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
        }
      })}
      {attachments ? (
        <>
          {attachments.current.length ? (
            <fieldset className="mb-4">
              <legend className="mb-2 font-semibold">{attachments.currentLabel}</legend>
              {attachments.current.map((u) => (
                <div key={u.id} className="mb-2 flex items-start gap-3">
                  <input id={`remove-${u.id}`} type="checkbox" name="removeUpload" value={u.id} className="mt-1 size-7 shrink-0 accent-brand" />
                  <label htmlFor={`remove-${u.id}`} className="block min-h-8 py-0.5">
                    {u.removeLabel}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <FileField
            id="attachments"
            name="attachments"
            label={attachments.label}
            hint={attachments.hint}
            error={errors.attachments}
            errorPrefix={labels.errorPrefix}
            accept={attachments.accept}
            multiple
          />
        </>
      ) : null}
      <p className="mb-4 text-sm text-muted">{labels.draftNote}</p>
      <Button type="submit" disabled={busy} aria-disabled={busy}>
        {busy ? labels.sending : labels.submit}
      </Button>
    </form>
  );
}
