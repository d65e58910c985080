import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { LanguageSwitch } from "./language-switch";
import { TextSize } from "./text-size";

/**
 * The header is static on public pages (they stay cacheable): it links to "My file", and the
 * signed-in areas pass their own `account` slot (name, inbox, sign out).
 */
export async function SiteHeader({ locale, account }: { locale: Locale; account?: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "Shell" });
  const meta = await getTranslations({ locale, namespace: "Metadata" });
  return (
    <header role="banner" className="bg-brand-dark text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
        <Link prefetch={false} href={localePath(locale, "/")} className="inline-flex min-h-11 items-center gap-2 text-2xl font-bold text-white no-underline">
          <svg aria-hidden width="28" height="28" viewBox="0 0 32 32" className="shrink-0">
            <rect width="32" height="32" rx="6" fill="#fff" />
            <path d="M8 24V13l8-6 8 6v11h-5v-6h-6v6z" fill="#0b5f4a" />
          </svg>
          <span className="min-w-0">{meta("appName")}</span>
          <span className="sr-only"> — {t("homeLink")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <LanguageSwitch current={locale} label={t("languageNav")} />
          <Link prefetch={false} href={localePath(locale, "/help")} className="inline-flex min-h-11 items-center px-2 font-semibold text-white underline">
            {t("help")}
          </Link>
          {account ?? (
            <Link prefetch={false} href={localePath(locale, "/my")} className="inline-flex min-h-11 items-center px-2 font-semibold text-white underline">
              {t("myFile")}
            </Link>
          )}
        </div>
      </div>
      <div className="border-t border-white/20">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-1">
          <p className="text-sm">{t("tagline")}</p>
          <TextSize labels={{ group: t("textSize"), normal: t("textSizeNormal"), large: t("textSizeLarge"), larger: t("textSizeLarger") }} />
        </div>
      </div>
    </header>
  );
}
