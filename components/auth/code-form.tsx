"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { formView, type FormAction } from "./form-state";

export type CodeFormLabels = {
  heading: string;
  hint: string;
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
  notReceived: string;
  notReceivedText: string;
  resend: string;
  resent: string;
  success: string;
};

/**
 * Step 2 of sign-in: the code, and "send a new code". Two forms, each with its own answer; a
 * refused resend (too many codes) shows on the code field like any other problem.
 */
export function CodeForm<V, R>({ verify, resend, returnTo, labels }: { verify: FormAction<V>; resend: FormAction<R>; returnTo: string | null; labels: CodeFormLabels }) {
  const [state, verifyAction, verifying] = useActionState(verify, null);
  const [resent, resendAction, resending] = useActionState(resend, null);
  // The latest answer wins: a fresh code clears an old error, a refused resend shows its reason.
  // (Without JavaScript only the submitted form has an answer.)
  const [last, setLast] = useState<"verify" | "resend" | null>(null);
  const showResend = resent !== null && last !== "verify";
  const shown = showResend ? (resent.ok ? null : resent) : state;
  const { errors, summary } = formView(shown, { firstField: "code" });
  return (
    <>
      {showResend && resent.ok ? (
        <NotificationBanner title={labels.success} tone="success">
          <p>{labels.resent}</p>
        </NotificationBanner>
      ) : null}
      <form action={verifyAction} onSubmit={() => setLast("verify")} noValidate>
        <ErrorSummary title={labels.summaryTitle} errors={summary} />
        <TextField
          id="code"
          name="code"
          label={labels.heading}
          labelAsHeading
          hint={labels.hint}
          error={errors.code}
          errorPrefix={labels.errorPrefix}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          dir="ltr"
          maxLength={12}
          className="max-w-40 text-start font-mono text-xl tracking-widest"
        />
        <input type="hidden" name="returnTo" value={returnTo ?? ""} />
        <Button disabled={verifying}>{labels.submit}</Button>
      </form>
      <details className="mt-8 max-w-2xl">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-link underline">{labels.notReceived}</summary>
        <div className="border-s-4 border-line ps-4">
          <p className="mb-4">{labels.notReceivedText}</p>
          <form action={resendAction} onSubmit={() => setLast("resend")}>
            <input type="hidden" name="returnTo" value={returnTo ?? ""} />
            <Button variant="secondary" disabled={resending}>
              {labels.resend}
            </Button>
          </form>
        </div>
      </details>
    </>
  );
}
