import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The sandbox mark on every practice screen (the practice layout renders it above each page):
 * a striped warning band that says nothing here is real. It is a status region, so a screen
 * reader announces it as the page opens, and every practice page's title starts with
 * "Practice" as well.
 */
export async function PracticeBanner({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Practice" });
  return (
    <div role="status" data-practice-banner className="mb-6 border-4 border-warning bg-[repeating-linear-gradient(135deg,#fff7e0_0,#fff7e0_14px,#ffe9ad_14px,#ffe9ad_28px)] p-4">
      <p className="text-lg font-bold">{t("banner.title")}</p>
      <p>{t("banner.body")}</p>
    </div>
  );
}
