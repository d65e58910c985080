import type { Locale } from "@/lib/i18n/routing";

export type PluralTemplates = { none: string } & Partial<Record<Intl.LDMLPluralRule, { n: number; text: string }>>;

/**
 * A client leaf has no ICU: the server renders a plural message once per plural category of the
 * locale (Arabic has six), and the leaf picks the category with Intl.PluralRules and swaps in the
 * number. `render(n)` is the server's translation function for the message.
 */
export function pluralTemplates(locale: Locale, render: (count: number) => string): PluralTemplates {
  const rules = new Intl.PluralRules(locale);
  const out: PluralTemplates = { none: render(0) };
  for (let n = 1; n <= 200; n++) {
    const category = rules.select(n);
    if (!out[category]) out[category] = { n, text: render(n) };
  }
  return out;
}

export function applyPlural(locale: string, templates: PluralTemplates, count: number): string {
  if (count === 0) return templates.none;
  const category = new Intl.PluralRules(locale).select(count);
  const t = templates[category] ?? templates.other;
  if (!t) return String(count);
  return t.text.replace(String(t.n), String(count));
}
