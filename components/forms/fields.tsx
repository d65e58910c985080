"use client";
import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Checkboxes as CheckboxGroup, ErrorMessage, FileField, Radios as RadioGroup, SelectField, SingleCheckbox, TextArea as TextAreaField, TextField, type Option } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import dynamic from "next/dynamic";
import { useFormKit } from "./form-root";

// Only the forms that take files in pieces load it (a form without a file field pays nothing).
const ResumableFileField = dynamic(() => import("@/components/uploads/resumable-file-field").then((m) => m.ResumableFileField));

/**
 * The kit's fields: the GOV.UK fields of components/ui/field.tsx, bound to the <Form> around them
 * — their id, their error (from the phone's check or the server's answer), the value sent back
 * without JavaScript, and react-hook-form's registration. A page gives only the words.
 */
type Common = { name: string; label: ReactNode; hint?: ReactNode };

/**
 * The message of a rule about a whole group of fields (one right answer per question, as many
 * steps in every language), shown inside the group the error summary links to (the element whose
 * id is the kit's id for that name): such a rule has no field of its own to stand beside.
 */
export function GroupError({ name }: { name: string }) {
  const f = useFormKit();
  return <ErrorMessage id={f.idOf(name)} error={f.errorOf(name)} prefix={f.errorPrefix} />;
}

function useBound(name: string, fallback?: string | string[]) {
  const f = useFormKit();
  const sent = f.valueOf(name);
  return { id: f.idOf(name), error: f.errorOf(name), errorPrefix: f.errorPrefix, value: sent ?? fallback, reg: f.bind(name) };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function TextInput({ name, defaultValue, ...rest }: Common & { defaultValue?: string; labelAsHeading?: boolean } & Omit<ComponentProps<"input">, "id" | "name" | "defaultValue">) {
  const b = useBound(name, defaultValue);
  return <TextField {...rest} {...b.reg} id={b.id} error={b.error} errorPrefix={b.errorPrefix} defaultValue={one(b.value)} />;
}

/** A phone number: the numeric keypad, typed and read left to right in Arabic too. */
export function PhoneInput(props: Common & { defaultValue?: string; className?: string }) {
  return <TextInput type="tel" inputMode="tel" dir="ltr" autoComplete="off" className="max-w-xs text-start" {...props} />;
}

export function TextArea({ name, defaultValue, ...rest }: Common & { defaultValue?: string; labelAsHeading?: boolean } & Omit<ComponentProps<"textarea">, "id" | "name" | "defaultValue">) {
  const b = useBound(name, defaultValue);
  return <TextAreaField {...rest} {...b.reg} id={b.id} error={b.error} errorPrefix={b.errorPrefix} defaultValue={one(b.value)} />;
}

export function Select({ name, defaultValue, options, placeholder, ...rest }: Common & { defaultValue?: string; options: Option[]; groups?: { label: string; options: Option[] }[]; placeholder?: string; className?: string }) {
  const b = useBound(name, defaultValue);
  return <SelectField {...rest} {...b.reg} id={b.id} options={options} placeholder={placeholder} error={b.error} errorPrefix={b.errorPrefix} defaultValue={one(b.value) ?? ""} />;
}

export function Radios({ name, defaultValue, ...rest }: Common & { defaultValue?: string; options: Option[]; legendAsHeading?: boolean; required?: boolean }) {
  const b = useBound(name, defaultValue);
  return <RadioGroup {...rest} id={b.id} name={name} error={b.error} errorPrefix={b.errorPrefix} defaultValue={one(b.value)} inputProps={b.reg} />;
}

export function Checkboxes({ name, defaultValue, ...rest }: Common & { defaultValue?: string[]; options: Option[] }) {
  const f = useFormKit();
  // Sent back without any box ticked: none, not the defaults.
  const b = useBound(name, f.answered && f.valueOf(name) === undefined ? [] : defaultValue);
  const chosen = b.value === undefined ? undefined : Array.isArray(b.value) ? b.value : [b.value];
  return <CheckboxGroup {...rest} id={b.id} name={name} error={b.error} errorPrefix={b.errorPrefix} defaultValue={chosen} inputProps={b.reg} />;
}

/** One box that says yes; `defaultChecked` unless the server sent the form back without it. */
export function Checkbox({ name, defaultChecked, value = "true", ...rest }: Common & { defaultChecked?: boolean; value?: string }) {
  const f = useFormKit();
  const sent = f.valueOf(name);
  // Sent back by the server: the box was ticked iff the answers hold its value.
  const checked = sent !== undefined ? (Array.isArray(sent) ? sent.includes(value) : sent === value) : f.answered ? false : defaultChecked;
  return <SingleCheckbox {...rest} {...f.bind(name)} id={f.idOf(name)} value={value} error={f.errorOf(name)} errorPrefix={f.errorPrefix} defaultChecked={checked} />;
}

/**
 * Files go with the form's post (checked by the server's parser, never on the phone) — or, when
 * the form takes them in pieces (`uploads` on the Form), each is sent as soon as it is chosen, a
 * weak network only pausing it (components/uploads/resumable-file-field.tsx); without JavaScript
 * they go with the post all the same. `slot`: the listed document the files are (a scanned
 * submission); `resumable={false}` for a field whose files a leaf assembles first (ScanPages).
 */
export function FileInput({ name, slot, resumable = true, ...rest }: Common & { accept?: string; multiple?: boolean; slot?: string; resumable?: boolean }) {
  const f = useFormKit();
  const field = { ...rest, id: f.idOf(name), name, error: f.errorOf(name), errorPrefix: f.errorPrefix };
  return f.uploads && resumable ? <ResumableFileField {...field} target={f.uploads} slot={slot} /> : <FileField {...field} />;
}

/** The form's button: busy while the answer is on its way (a second press sends nothing). */
export function Submit({ children, variant = "primary", name, value, formNoValidate }: { children: ReactNode; variant?: "primary" | "secondary" | "warning" | "quiet"; name?: string; value?: string; formNoValidate?: boolean }) {
  const f = useFormKit();
  const t = useTranslations("Forms");
  return (
    <Button type="submit" variant={variant} name={name} value={value} formNoValidate={formNoValidate} aria-disabled={f.busy || undefined}>
      {f.busy ? t("sending") : children}
    </Button>
  );
}
