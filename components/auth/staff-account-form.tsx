"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkboxes, Radios, SelectField, TextField, type Option } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { formView, text, type FormAction } from "./form-state";

export type StaffAccountLabels = {
  heading: string;
  phone: string;
  name: string;
  role: string;
  body: string;
  bodyHint: string;
  house: string;
  houseHint: string;
  level: string;
  levelHint: string;
  interpreterLegend: string;
  interpreter: string;
  language: string;
  submit: string;
  /** Already contains the name of the new account's holder, as `{name}`. */
  created: string;
  success: string;
  summaryTitle: string;
  errorPrefix: string;
};

/** An administrator creates a staff or volunteer account. */
export function StaffAccountForm<T extends { name: string }>({
  action,
  roles,
  levels,
  languages,
  bodies,
  houses,
  labels,
}: {
  /** The public bodies and the service houses, by name (values are their ids in the data). */
  bodies: Option[];
  houses: Option[];
  action: FormAction<T>;
  roles: Option[];
  levels: Option[];
  languages: Option[];
  labels: StaffAccountLabels;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, summary, values } = formView(state, { firstField: "phone" });
  return (
    <form action={formAction} noValidate>
      <h2 className="mb-4 text-2xl font-bold">{labels.heading}</h2>
      {state?.ok ? (
        <NotificationBanner title={labels.success} tone="success">
          <p>{labels.created.replace("{name}", state.data.name)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary title={labels.summaryTitle} errors={summary} />
      <TextField id="phone" name="phone" type="tel" dir="ltr" className="max-w-xs text-start" label={labels.phone} error={errors.phone} errorPrefix={labels.errorPrefix} defaultValue={text(values, "phone")} />
      <TextField id="name" name="name" label={labels.name} error={errors.name} errorPrefix={labels.errorPrefix} defaultValue={text(values, "name")} maxLength={200} />
      <Radios id="role" name="role" label={labels.role} error={errors.role} errorPrefix={labels.errorPrefix} options={roles} defaultValue={text(values, "role")} />
      <SelectField id="bodyId" name="bodyId" options={bodies} placeholder="—" label={labels.body} hint={labels.bodyHint} error={errors.bodyId} errorPrefix={labels.errorPrefix} defaultValue={text(values, "bodyId")} />
      <SelectField id="houseId" name="houseId" options={houses} placeholder="—" label={labels.house} hint={labels.houseHint} error={errors.houseId} errorPrefix={labels.errorPrefix} defaultValue={text(values, "houseId")} />
      <Radios id="officialLevel" name="officialLevel" label={labels.level} hint={labels.levelHint} error={errors.officialLevel} errorPrefix={labels.errorPrefix} options={levels} defaultValue={text(values, "officialLevel")} />
      <Checkboxes id="interpreter" name="interpreter" label={labels.interpreterLegend} options={[{ value: "on", label: labels.interpreter }]} defaultValue={values.interpreter === "on" ? ["on"] : []} />
      <Radios id="language" name="language" label={labels.language} error={errors.language} errorPrefix={labels.errorPrefix} options={languages} defaultValue={text(values, "language") ?? "ar-TN"} />
      <Button disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
