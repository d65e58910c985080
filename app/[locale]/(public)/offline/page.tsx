import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { LinkButton } from "@/components/ui/button";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/offline">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Offline" });
  return { title: t("title"), robots: { index: false } };
}

/** Precached by the service worker and shown for any page that is not in the cache while offline. */
export default async function OfflinePage({ params }: PageProps<"/[locale]/offline">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Offline" });
  return (
    <div className="prose-gov">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-lg">{t("body")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("whatYouCanDo")}</h2>
      <ul className="mb-6 list-disc ps-6">
        <li>{t("tipVisited")}</li>
        <li>{t("tipSaved")}</li>
        <li>{t("tipRetry")}</li>
      </ul>
      <LinkButton href={localePath(locale, "/")}>{t("home")}</LinkButton>
    </div>
  );
}
