import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, localePath, defaultLocale } from "@/lib/i18n/routing";
import { SiteHeader } from "@/components/shell/site-header";
import { SiteFooter } from "@/components/shell/site-footer";
import { LinkButton } from "@/components/ui/button";

export default async function NotFound() {
  const current = await getLocale();
  const locale = isLocale(current) ? current : defaultLocale;
  const t = await getTranslations({ locale, namespace: "Errors" });
  const meta = await getTranslations({ locale, namespace: "Metadata" });
  return (
    <>
      {/* Its own title (WCAG 2.4.2): React puts it in <head>. */}
      <title>{`${t("notFoundTitle")} — ${meta("appName")}`}</title>
      <SiteHeader locale={locale} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <h1 className="mb-4 text-3xl font-bold">{t("notFoundTitle")}</h1>
        <p className="mb-6 max-w-2xl">{t("notFoundBody")}</p>
        <LinkButton href={localePath(locale, "/")}>{t("backHome")}</LinkButton>
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
