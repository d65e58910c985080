/**
 * What a form sends, as the server and the phone both read it: repeated names become arrays,
 * files and Next's own `$ACTION…` fields are left out. One function on both sides, so the zod
 * schema that checks a form on the phone sees exactly what the server action will see.
 */
export type FormValues = Record<string, string | string[]>;

export function formDataToObject(form: FormData, skip?: (name: string) => boolean): FormValues {
  const out: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own hidden fields
    if (typeof value !== "string") continue; // files go through lib/documents
    if (skip?.(key)) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
