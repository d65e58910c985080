"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formView, text, type FormAction } from "./form-state";

export type PhoneFormLabels = { heading: string; hint: string; submit: string; summaryTitle: string; errorPrefix: string };

/** Step 1 of sign-in: the mobile number (one question on the page). Works without JavaScript. */
export function PhoneForm<T>({ action, returnTo, labels }: { action: FormAction<T>; returnTo: string | null; labels: PhoneFormLabels }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, summary, values } = formView(state, { firstField: "phone" });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={labels.summaryTitle} errors={summary} />
      <TextField
        id="phone"
        name="phone"
        type="tel"
        label={labels.heading}
        labelAsHeading
        hint={labels.hint}
        error={errors.phone}
        errorPrefix={labels.errorPrefix}
        defaultValue={text(values, "phone")}
        autoComplete="tel-national"
        inputMode="tel"
        spellCheck={false}
        dir="ltr"
        className="max-w-xs text-start"
      />
      <input type="hidden" name="returnTo" value={returnTo ?? ""} />
      <Button disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
