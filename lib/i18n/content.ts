/**
 * Content written by the administration (the catalogue, the houses) comes in three languages in
 * the data files, keyed ar / fr / en; the app's locales carry the country (ar-TN, fr-TN).
 */
import { z } from "zod";
import { contentLocale, type Locale } from "./routing";

export { contentLocale, contentLocales, type ContentLocale } from "./routing";

export const localizedText = z.strictObject({
  ar: z.string().trim().min(1),
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof localizedText>;

export function localized(text: LocalizedText, locale: Locale): string {
  return text[contentLocale(locale)];
}
