import type { ComponentProps, ReactNode } from "react";

/**
 * Form fields, GOV.UK style: label, optional hint, error message above the control, all tied
 * to the control by id and aria-describedby so screen readers read them in order. The texts
 * come from the caller (messages/), never from here.
 */
type FieldBase = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  errorPrefix?: string;
  /** Renders the label as the page's heading (one question per page). */
  labelAsHeading?: boolean;
};

function describedBy(id: string, hint?: ReactNode, error?: string, extra?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Label({ id, label, asHeading }: { id: string; label: ReactNode; asHeading?: boolean }) {
  const l = (
    <label htmlFor={id} className={asHeading ? "block text-2xl font-bold sm:text-3xl" : "block font-semibold"}>
      {label}
    </label>
  );
  return asHeading ? <h1 className="mb-2">{l}</h1> : l;
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div id={`${id}-hint`} className="text-muted">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, error, prefix }: { id: string; error?: string; prefix?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="font-semibold text-danger">
      {prefix ? <span className="sr-only">{prefix} </span> : null}
      {error}
    </p>
  );
}

function Group({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`mb-6 flex flex-col gap-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>{children}</div>;
}

const control =
  "min-h-11 w-full max-w-xl rounded-none border-2 border-ink bg-white px-2 py-1 text-base aria-[invalid=true]:border-danger";

export function TextField({
  id, name, label, hint, error, errorPrefix, labelAsHeading, className = "", ...input
}: FieldBase & Omit<ComponentProps<"input">, "id" | "name">) {
  return (
    <Group error={error}>
      <Label id={id} label={label} asHeading={labelAsHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={errorPrefix} />
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${control} ${className}`}
        {...input}
      />
    </Group>
  );
}

export function TextArea({
  id, name, label, hint, error, errorPrefix, labelAsHeading, className = "", ...input
}: FieldBase & Omit<ComponentProps<"textarea">, "id" | "name">) {
  return (
    <Group error={error}>
      <Label id={id} label={label} asHeading={labelAsHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={errorPrefix} />
      <textarea
        id={id}
        name={name}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${control} ${className}`}
        {...input}
      />
    </Group>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

export function SelectField({
  id, name, label, hint, error, errorPrefix, labelAsHeading, options, placeholder, groups, className = "", ...select
}: FieldBase & { options: Option[]; placeholder?: string; /** Options in labelled groups (delegations by governorate), after `options`. */ groups?: { label: string; options: Option[] }[] } & Omit<ComponentProps<"select">, "id" | "name">) {
  return (
    <Group error={error}>
      <Label id={id} label={label} asHeading={labelAsHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={errorPrefix} />
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${control} ${className}`}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Group>
  );
}

type ChoiceProps = Omit<FieldBase, "labelAsHeading"> & {
  options: Option[];
  legendAsHeading?: boolean;
  /** For radios, the chosen value; for checkboxes, the chosen values. */
  defaultValue?: string | string[];
  required?: boolean;
  /** Given to every box (the form kit's react-hook-form registration). */
  inputProps?: Omit<ComponentProps<"input">, "id" | "type" | "value" | "defaultChecked">;
};

function Choices({ type, id, name, label, hint, error, errorPrefix, options, legendAsHeading, defaultValue, required, inputProps }: ChoiceProps & { type: "radio" | "checkbox" }) {
  const chosen = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <Group error={error}>
      <fieldset id={`${id}-group`} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        <legend className={legendAsHeading ? "mb-2 text-2xl font-bold sm:text-3xl" : "mb-1 font-semibold"}>
          {legendAsHeading ? <h1>{label}</h1> : label}
        </legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} error={error} prefix={errorPrefix} />
        <div className="mt-2 flex flex-col gap-2">
          {options.map((o, i) => {
            // The first box carries the field's id: an error link (#field) lands on it, not on the fieldset.
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div key={o.value} className="flex items-start gap-3">
                <input
                  {...inputProps}
                  id={optionId}
                  type={type}
                  name={name}
                  value={o.value}
                  defaultChecked={chosen.has(o.value)}
                  required={type === "radio" ? required : undefined}
                  aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                  className="mt-1 size-7 shrink-0 accent-brand"
                />
                <div>
                  <label htmlFor={optionId} className="block min-h-8 py-0.5">
                    {o.label}
                  </label>
                  {o.hint ? (
                    <div id={`${optionId}-hint`} className="text-muted">
                      {o.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
}

export function Radios(props: ChoiceProps) {
  return <Choices type="radio" {...props} />;
}

export function Checkboxes(props: ChoiceProps) {
  return <Choices type="checkbox" {...props} />;
}

export function FileField({
  id, name, label, hint, error, errorPrefix, className = "", ...input
}: Omit<FieldBase, "labelAsHeading"> & Omit<ComponentProps<"input">, "id" | "name" | "type">) {
  return (
    <Group error={error}>
      <Label id={id} label={label} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} error={error} prefix={errorPrefix} />
      <input
        id={id}
        name={name}
        type="file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`block min-h-11 max-w-xl text-base file:me-3 file:min-h-11 file:border-2 file:border-ink file:bg-canvas file:px-3 ${className}`}
        {...input}
      />
    </Group>
  );
}

/** One box that says yes (hide my name, I agree): its label beside it, its hint below. */
export function SingleCheckbox({
  id, name, label, hint, error, errorPrefix, value = "true", className = "", ...input
}: Omit<FieldBase, "labelAsHeading"> & Omit<ComponentProps<"input">, "id" | "name" | "type">) {
  return (
    <Group error={error}>
      <ErrorMessage id={id} error={error} prefix={errorPrefix} />
      <div className={`flex items-start gap-3 ${className}`}>
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-1 size-7 shrink-0 accent-brand"
          {...input}
        />
        <div>
          <label htmlFor={id} className="block min-h-8 py-0.5 font-semibold">
            {label}
          </label>
          <Hint id={id}>{hint}</Hint>
        </div>
      </div>
    </Group>
  );
}
