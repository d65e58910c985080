import { getTranslations } from "next-intl/server";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Control.title", { robots: { index: false, follow: false } }, { staticPage: true });

/**
 * The control route for `npm run bench`: the same layout as every page and nothing else, so a
 * route's JavaScript can be measured against it. Kept in the app on purpose, never linked.
 */
export default async function ControlPage({ params }: PageProps<"/[locale]/control">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Control" });
  return (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
    </>
  );
}
