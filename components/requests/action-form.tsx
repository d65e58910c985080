"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextArea, TextField, type Option } from "@/components/ui/field";

/** A staff action with a few fields (a reason from a list, a reference, a message). Works without JavaScript. */
export type ActionField =
  | { type: "select"; name: string; label: string; options: Option[]; placeholder: string }
  | { type: "text"; name: string; label: string; hint?: string }
  | { type: "tel"; name: string; label: string; hint?: string }
  | { type: "textarea"; name: string; label: string; hint?: string }
  | { type: "checkbox"; name: string; label: string };

export function ActionForm({
  action,
  id,
  hidden,
  fields,
  submit,
  errorTitle,
  errorPrefix,
  variant = "secondary",
}: {
  action: (prev: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
  id: string;
  hidden: Record<string, string>;
  fields: ActionField[];
  submit: string;
  errorTitle: string;
  errorPrefix: string;
  variant?: "primary" | "secondary" | "warning";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const fid = (name: string) => `${id}-${name}`;
  const errors = failed ? Object.entries(failed.fieldErrors).map(([f, m]) => ({ href: `#${fid(f)}`, message: m })) : [];
  if (failed && errors.length === 0) errors.push({ href: `#${fid(fields[0]?.name ?? "x")}`, message: failed.message });
  const v = (name: string) => (typeof failed?.values[name] === "string" ? (failed.values[name] as string) : undefined);
  return (
    <form action={formAction} noValidate className="mb-6 border-t-2 border-line pt-4">
      <ErrorSummary title={errorTitle} errors={errors} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const common = { id: fid(f.name), name: f.name, label: f.label, error: failed?.fieldErrors[f.name], errorPrefix };
        if (f.type === "select") return <SelectField key={`${f.name}-${v(f.name)}`} {...common} options={f.options} placeholder={f.placeholder} defaultValue={v(f.name) ?? ""} />;
        if (f.type === "text") return <TextField key={`${f.name}-${v(f.name)}`} {...common} hint={f.hint} defaultValue={v(f.name)} />;
        // A phone number: the numeric keypad on a phone, typed and read left to right.
        if (f.type === "tel") return <TextField key={`${f.name}-${v(f.name)}`} {...common} hint={f.hint} defaultValue={v(f.name)} type="tel" inputMode="tel" dir="ltr" autoComplete="off" className="max-w-xs text-start" />;
        if (f.type === "textarea") return <TextArea key={`${f.name}-${v(f.name)}`} {...common} hint={f.hint} defaultValue={v(f.name)} rows={4} />;
        return (
          <div key={f.name} className="mb-4 flex items-start gap-3">
            <input id={fid(f.name)} type="checkbox" name={f.name} value="true" className="mt-1 size-7 shrink-0 accent-brand" />
            <label htmlFor={fid(f.name)} className="block min-h-8 py-0.5">
              {f.label}
            </label>
          </div>
        );
      })}
      <Button type="submit" variant={variant} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}
