"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios, TextField, type Option } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formView, text, type FormAction } from "./form-state";

export type WelcomeLabels = {
  nameLabel: string;
  nameHint: string;
  languageLegend: string;
  languageHint: string;
  submit: string;
  summaryTitle: string;
  errorPrefix: string;
};

/** First sign-in: name and preferred language. */
export function WelcomeForm<T>({ action, returnTo, languages, defaultLanguage, labels }: { action: FormAction<T>; returnTo: string | null; languages: Option[]; defaultLanguage: string; labels: WelcomeLabels }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, summary, values } = formView(state, { firstField: "name" });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={labels.summaryTitle} errors={summary} />
      <TextField id="name" name="name" label={labels.nameLabel} hint={labels.nameHint} error={errors.name} errorPrefix={labels.errorPrefix} defaultValue={text(values, "name")} autoComplete="name" maxLength={200} />
      <Radios id="language" name="language" label={labels.languageLegend} hint={labels.languageHint} error={errors.language} errorPrefix={labels.errorPrefix} options={languages} defaultValue={text(values, "language") ?? defaultLanguage} />
      <input type="hidden" name="returnTo" value={returnTo ?? ""} />
      <Button disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
