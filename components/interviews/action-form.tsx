"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkboxes, FileField, Radios, TextArea, TextField, type Option } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/**
 * A server-action form described by data (so a server page can pass it to this client leaf):
 * the error summary and each field's message come back from the action; without JavaScript the
 * form posts all the same and the page re-renders with the result.
 */
export type FieldSpec =
  | { kind: "hidden"; name: string; value: string }
  | { kind: "text" | "date" | "time" | "number" | "tel"; name: string; label: string; hint?: string; defaultValue?: string; required?: boolean; min?: number; max?: number; width?: string }
  | { kind: "textarea"; name: string; label: string; hint?: string; defaultValue?: string; maxLength?: number; required?: boolean }
  | { kind: "radios" | "checkboxes"; name: string; label: string; hint?: string; options: { value: string; label: string; hint?: string }[]; defaultValue?: string | string[] }
  | { kind: "file"; name: string; label: string; hint?: string; accept?: string; multiple?: boolean };


export function ActionForm<T>({
  action,
  fields,
  submit,
  errorTitle,
  errorPrefix,
  variant = "primary",
  success,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: FieldSpec[];
  submit: string;
  errorTitle: string;
  errorPrefix: string;
  variant?: "primary" | "warning";
  success?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  const summary = state && !state.ok ? (Object.keys(errors).length ? Object.entries(errors).map(([k, m]) => ({ href: `#${k}`, message: m })) : [{ href: "#main", message: state.message }]) : [];
  const value = (name: string, fallback?: string | string[]) => values[name] ?? fallback;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={errorTitle} errors={summary} />
      {state?.ok && success ? (
        <p role="status" className="mb-4 border-s-4 border-success ps-3 font-semibold">
          {success}
        </p>
      ) : null}
      {fields.map((f) => {
        if (f.kind === "hidden") return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
        const common = { id: f.name, name: f.name, label: f.label, hint: f.hint, error: errors[f.name], errorPrefix };
        if (f.kind === "file")
          return <FileField key={f.name} {...common} accept={f.accept} multiple={f.multiple} />;
        if (f.kind === "textarea")
          return <TextArea key={f.name} {...common} defaultValue={value(f.name, f.defaultValue) as string | undefined} maxLength={f.maxLength} required={f.required} />;
        if (f.kind === "radios" || f.kind === "checkboxes") {
          const options: Option[] = f.options.map((o) => ({ value: o.value, label: o.label, hint: o.hint }));
          const Comp = f.kind === "radios" ? Radios : Checkboxes;
          return <Comp key={f.name} {...common} options={options} defaultValue={value(f.name, f.defaultValue)} />;
        }
        const t = f as Extract<FieldSpec, { kind: "text" | "date" | "time" | "number" | "tel" }>;
        return (
          <TextField
            key={f.name}
            {...common}
            type={t.kind}
            defaultValue={value(t.name, t.defaultValue) as string | undefined}
            required={t.required}
            min={t.min}
            max={t.max}
            className={t.width ?? ""}
            inputMode={t.kind === "number" ? "numeric" : t.kind === "tel" ? "tel" : undefined}
            // A phone number is typed and read left to right, in Arabic too.
            dir={t.kind === "tel" ? "ltr" : undefined}
            autoComplete={t.kind === "tel" ? "off" : undefined}
          />
        );
      })}
      <Button variant={variant} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
