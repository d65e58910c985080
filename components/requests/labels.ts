import type { Locale } from "@/lib/i18n/routing";

/** A localized data label ({ar, fr, en}) in the page's language. */
export function pick(text: { ar: string; fr: string; en: string }, locale: Locale): string {
  return locale === "ar-TN" ? text.ar : locale === "fr-TN" ? text.fr : text.en;
}
