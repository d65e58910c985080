"use client";

import { usePathname } from "next/navigation";
import { localePath, splitLocalePath, type Locale } from "@/lib/i18n/routing";

const names: Record<Locale, { label: string; lang: string }> = {
  "ar-TN": { label: "العربية", lang: "ar-TN" },
  "fr-TN": { label: "Français", lang: "fr-TN" },
  en: { label: "English", lang: "en" },
};

/**
 * Links to the same page in the other languages. A client leaf only because it needs the current
 * path; it is rendered on the server too, so it works without JavaScript. Query strings are kept.
 */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname() ?? "/";
  const { rest } = splitLocalePath(pathname);
  const search = typeof window === "undefined" ? "" : window.location.search;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {(Object.keys(names) as Locale[]).map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" className="inline-flex min-h-11 items-center px-2 font-bold underline decoration-2 underline-offset-4">
                {names[locale].label}
              </span>
            ) : (
              // A full navigation (not next/link): the whole page, <html lang dir> included, changes.
              <a
                href={localePath(locale, rest) + search}
                hrefLang={names[locale].lang}
                lang={names[locale].lang}
                className="inline-flex min-h-11 items-center px-2 text-white underline"
              >
                {names[locale].label}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
