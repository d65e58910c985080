"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkboxes, Radios, TextField, type Option } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { formView, text, type FormAction } from "./form-state";

export type AccountLabels = {
  detailsHeading: string;
  nameLabel: string;
  languageLegend: string;
  notificationsHeading: string;
  notificationsHint: string;
  smsLabel: string;
  save: string;
  saved: string;
  success: string;
  summaryTitle: string;
  errorPrefix: string;
};

/** Name, language and SMS notifications of the signed-in person. */
export function AccountForm<T>({
  action,
  initial,
  languages,
  labels,
}: {
  action: FormAction<T>;
  initial: { name: string; language: string; notifySms: boolean };
  languages: Option[];
  labels: AccountLabels;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, summary, values } = formView(state, { firstField: "name" });
  const failed = state !== null && !state.ok;
  const sms = failed ? values.notifySms === "on" : initial.notifySms;
  return (
    <form action={formAction} noValidate>
      {state?.ok ? (
        <NotificationBanner title={labels.success} tone="success">
          <p>{labels.saved}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary title={labels.summaryTitle} errors={summary} />
      <h2 className="mb-4 text-2xl font-bold">{labels.detailsHeading}</h2>
      <TextField id="name" name="name" label={labels.nameLabel} error={errors.name} errorPrefix={labels.errorPrefix} defaultValue={failed ? text(values, "name") : initial.name} autoComplete="name" maxLength={200} />
      <Radios id="language" name="language" label={labels.languageLegend} error={errors.language} errorPrefix={labels.errorPrefix} options={languages} defaultValue={failed ? text(values, "language") : initial.language} />
      <h2 className="mb-2 text-2xl font-bold">{labels.notificationsHeading}</h2>
      <Checkboxes id="notify" name="notifySms" label={labels.notificationsHint} options={[{ value: "on", label: labels.smsLabel }]} defaultValue={sms ? ["on"] : []} />
      <Button disabled={pending}>{labels.save}</Button>
    </form>
  );
}
