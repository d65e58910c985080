/**
 * Direction isolation for text that goes into a string rather than into markup (a message
 * parameter, an attribute, a <title>): the Unicode isolates do there what <bdi> does in HTML.
 * In markup, use components/ui/user-text.tsx instead — the same two rules, as elements:
 *
 * - `ltrRun`: a phone number, amount, reference, code, date-time or e-mail is one left-to-right
 *   run, whatever surrounds it («+216 98 123 456» never becomes «456 123 98 216+» in Arabic).
 * - `autoRun`: a person's words take the direction of their own first strong letter and cannot
 *   reorder what stands beside them (a RIGHT-TO-LEFT OVERRIDE inside stays inside).
 */
export const LRI = "\u2066";
export const FSI = "\u2068";
export const PDI = "\u2069";

export function ltrRun(value: string): string {
  return `${LRI}${value}${PDI}`;
}

export function autoRun(value: string): string {
  return `${FSI}${value}${PDI}`;
}
