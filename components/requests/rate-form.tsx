"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios, TextArea } from "@/components/ui/field";

/** Rate the answer, 1 to 5, with an optional comment. */
export function RateForm({
  action,
  reference,
  labels,
}: {
  action: (prev: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
  reference: string;
  labels: { stars: string; options: string[]; comment: string; submit: string; errorTitle: string; errorPrefix: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed ? Object.entries(failed.fieldErrors).map(([f, m]) => ({ href: f === "comment" ? "#rate-comment" : "#stars", message: m })) : [];
  if (failed && errors.length === 0) errors.push({ href: "#stars", message: failed.message });
  return (
    <form action={formAction} noValidate className="max-w-2xl">
      <ErrorSummary title={labels.errorTitle} errors={errors} />
      <input type="hidden" name="reference" value={reference} />
      <Radios
        id="stars"
        name="stars"
        label={labels.stars}
        error={failed?.fieldErrors.stars}
        errorPrefix={labels.errorPrefix}
        options={labels.options.map((label, i) => ({ value: String(i + 1), label }))}
      />
      <TextArea id="rate-comment" name="comment" label={labels.comment} error={failed?.fieldErrors.comment} errorPrefix={labels.errorPrefix} rows={3} maxLength={1000} />
      <Button type="submit" disabled={pending}>
        {labels.submit}
      </Button>
    </form>
  );
}
