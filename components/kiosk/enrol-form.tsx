"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formView, text, type FormAction } from "@/components/auth/form-state";

export type EnrolLabels = { heading: string; house: string; label: string; labelHint: string; idleMinutes: string; submit: string; summaryTitle: string; errorPrefix: string };

/** Enrols this browser as a corner (the action signs the staff member out and opens the start page). */
export function EnrolForm<T>({ action, houses, fixedHouse, defaultIdle, labels }: { action: FormAction<T>; houses: Option[]; fixedHouse: Option | null; defaultIdle: number; labels: EnrolLabels }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, summary, values } = formView(state, { firstField: fixedHouse ? "label" : "houseId" });
  return (
    <form action={formAction} noValidate>
      <h2 className="mb-4 text-2xl font-bold">{labels.heading}</h2>
      <ErrorSummary title={labels.summaryTitle} errors={summary} />
      {fixedHouse ? (
        <>
          <input type="hidden" name="houseId" value={fixedHouse.value} />
          <p className="mb-6">
            {labels.house}: <bdi className="font-bold">{fixedHouse.label}</bdi>
          </p>
        </>
      ) : (
        <SelectField id="houseId" name="houseId" options={houses} placeholder="—" label={labels.house} error={errors.houseId} errorPrefix={labels.errorPrefix} defaultValue={text(values, "houseId")} />
      )}
      <TextField id="label" name="label" label={labels.label} hint={labels.labelHint} error={errors.label} errorPrefix={labels.errorPrefix} defaultValue={text(values, "label")} maxLength={60} dir="auto" />
      <TextField
        id="idleMinutes"
        name="idleMinutes"
        inputMode="numeric"
        className="max-w-24"
        label={labels.idleMinutes}
        error={errors.idleMinutes}
        errorPrefix={labels.errorPrefix}
        defaultValue={text(values, "idleMinutes") ?? String(defaultIdle)}
      />
      <Button disabled={pending}>{labels.submit}</Button>
    </form>
  );
}
