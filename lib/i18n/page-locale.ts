import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "./routing";

/**
 * The locale of a page or layout, from its params: an unknown one is a 404, a known one is set
 * for the request (next-intl's static rendering needs it before a message is read).
 *
 *     const locale = await pageLocale(params);
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
