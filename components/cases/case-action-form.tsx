"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField, TextArea } from "@/components/ui/field";

/**
 * One action on a case (a reply, a note, a change of status): hidden fields, an optional
 * message, a button. Works without JavaScript (useActionState renders errors on the server).
 */
export function CaseActionForm({
  action,
  id,
  hidden,
  message,
  submit,
  variant = "primary",
  errorTitle,
  errorPrefix,
  attach,
}: {
  action: (prev: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
  id: string;
  hidden: Record<string, string>;
  message?: { label: string; hint?: string; required?: boolean; defaultValue?: string };
  submit: string;
  variant?: "primary" | "secondary" | "warning";
  errorTitle: string;
  errorPrefix: string;
  /** Files sent with it (a reply, an answer): label, limits, accepted types. */
  attach?: { label: string; hint: string; accept: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const fieldId = `${id}-message`;
  const errors = failed ? Object.values(failed.fieldErrors).length ? [{ href: `#${fieldId}`, message: failed.fieldErrors.message ?? Object.values(failed.fieldErrors)[0]! }] : [{ href: `#${fieldId}`, message: failed.message }] : [];
  const value = typeof failed?.values.message === "string" ? failed.values.message : message?.defaultValue;
  return (
    <form action={formAction} className="mb-6" noValidate>
      <ErrorSummary title={errorTitle} errors={errors} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {message ? (
        <TextArea
          id={fieldId}
          name="message"
          label={message.label}
          hint={message.hint}
          error={failed?.fieldErrors.message}
          errorPrefix={errorPrefix}
          defaultValue={value}
          key={value}
          rows={5}
        />
      ) : null}
      {attach ? (
        <FileField id={`${id}-attachments`} name="attachments" label={attach.label} hint={attach.hint} error={failed?.fieldErrors.attachments} errorPrefix={errorPrefix} accept={attach.accept} multiple />
      ) : null}
      <Button type="submit" variant={variant} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
