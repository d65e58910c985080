import type { ActionResult } from "@/lib/safe-action";
import type { SummaryError } from "@/components/ui/error-summary";

export type FormAction<T = unknown> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * What a form shows after its action answered: field errors, the summary (each error linking to
 * its field; a message without a field links to the first one) and the values to put back.
 */
export function formView<T>(state: ActionResult<T> | null, opts: { firstField: string; hrefs?: Record<string, string> }) {
  if (!state || state.ok) return { errors: {} as Record<string, string>, summary: [] as SummaryError[], values: {} as Record<string, string | string[]> };
  const errors = state.fieldErrors;
  const summary: SummaryError[] = Object.entries(errors).map(([field, message]) => ({ href: opts.hrefs?.[field] ?? `#${field}`, message }));
  if (summary.length === 0) summary.push({ href: `#${opts.firstField}`, message: state.message });
  return { errors, summary, values: state.values };
}

export function text(values: Record<string, string | string[]>, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" ? v : undefined;
}
