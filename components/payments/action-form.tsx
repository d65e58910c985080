"use client";

import { createContext, use, useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/safe-action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Checkboxes, Radios, TextField, type Option } from "@/components/ui/field";

/**
 * A form bound to a server action made with createFormAction. It works without JavaScript (the
 * action runs on submit and the page comes back with its result), and with it. Fields inside
 * read the result — their error and the value sent — from context, so the page itself stays a
 * server component and passes only the strings each field shows.
 */
type State = ActionResult<unknown> | null;
const FormState = createContext<State>(null);

export function ActionForm({
  action,
  errorTitle,
  children,
  className,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  errorTitle: string;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed
    ? Object.keys(failed.fieldErrors).length
      ? Object.entries(failed.fieldErrors).map(([field, message]) => ({ href: `#${field}`, message }))
      : [{ href: "#main", message: failed.message }]
    : [];
  return (
    <FormState value={state}>
      <form action={formAction} className={className} noValidate>
        <ErrorSummary title={errorTitle} errors={errors} />
        {children}
      </form>
    </FormState>
  );
}

function useField(name: string, fallback?: string) {
  const state = use(FormState);
  const failed = state && !state.ok ? state : null;
  const sent = failed?.values[name];
  return { error: failed?.fieldErrors[name], value: sent ?? fallback };
}

export function FormTextField(props: { name: string; label: ReactNode; hint?: ReactNode; defaultValue?: string; errorPrefix?: string; inputMode?: "text" | "numeric" | "tel"; autoComplete?: string; type?: string; className?: string; spellCheck?: boolean; dir?: "ltr" | "rtl" | "auto" }) {
  const { name, defaultValue, ...rest } = props;
  const { error, value } = useField(name, defaultValue);
  return <TextField id={name} name={name} error={error} defaultValue={typeof value === "string" ? value : undefined} key={String(value ?? "")} {...rest} />;
}

export function FormRadios(props: { name: string; label: ReactNode; hint?: ReactNode; options: Option[]; defaultValue?: string; errorPrefix?: string; legendAsHeading?: boolean }) {
  const { name, defaultValue, ...rest } = props;
  const { error, value } = useField(name, defaultValue);
  return <Radios id={name} name={name} error={error} defaultValue={typeof value === "string" ? value : undefined} key={String(value ?? "")} {...rest} />;
}

export function FormCheckboxes(props: { name: string; label: ReactNode; hint?: ReactNode; options: Option[]; defaultValue?: string[]; errorPrefix?: string }) {
  const { name, defaultValue, ...rest } = props;
  const { error, value } = useField(name);
  const chosen = value === undefined ? defaultValue : Array.isArray(value) ? value : [value];
  return <Checkboxes id={name} name={name} error={error} defaultValue={chosen} key={(chosen ?? []).join(",")} {...rest} />;
}
