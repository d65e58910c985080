import { defineRouting } from "next-intl/routing";

/**
 * Locale codes carry the country: `ar-TN` gives Tunisian month names (جوان, not يونيو) and
 * Latin digits; `fr-TN` gives «1 234,500 DT». URLs stay short: /ar, /fr, /en.
 */
export const locales = ["ar-TN", "fr-TN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ar-TN";

export const localePrefixes = { "ar-TN": "/ar", "fr-TN": "/fr", en: "/en" } as const satisfies Record<Locale, string>;

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: { mode: "always", prefixes: localePrefixes },
  // Arabic when the browser's language says nothing we serve.
  localeDetection: true,
  localeCookie: false,
});

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/** The language of content kept in three languages (ar / fr / en): the locale without its country. */
export const contentLocales = ["ar", "fr", "en"] as const;
export type ContentLocale = (typeof contentLocales)[number];
const contentOf: Record<Locale, ContentLocale> = { "ar-TN": "ar", "fr-TN": "fr", en: "en" };
export function contentLocale(locale: Locale): ContentLocale {
  return contentOf[locale] ?? "ar";
}

export function direction(locale: Locale): "rtl" | "ltr" {
  return locale.startsWith("ar") ? "rtl" : "ltr";
}

/**
 * `/ar/services` → `{ locale: "ar-TN", rest: "/services" }`. Also reads the internal form
 * `/ar-TN/services` (what the router reports after the proxy's rewrite). Unknown → the default.
 */
export function splitLocalePath(pathname: string): { locale: Locale; rest: string } {
  for (const locale of locales) {
    for (const prefix of [localePrefixes[locale], `/${locale}`]) {
      if (pathname === prefix || pathname.startsWith(prefix + "/")) {
        return { locale, rest: pathname.slice(prefix.length) || "/" };
      }
    }
  }
  return { locale: defaultLocale, rest: pathname };
}

export function localePath(locale: Locale, rest: string): string {
  const tail = rest === "/" ? "" : rest;
  return `${localePrefixes[locale]}${tail}`;
}
