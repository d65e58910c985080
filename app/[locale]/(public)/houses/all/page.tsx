import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listHouses } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { HouseDetails } from "@/components/houses/house-details";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Houses.allTitle", {}, { staticPage: true });

/** Every house on one page, kept by the service worker for offline reading (see services/all). */
export default async function AllHousesPage({ params }: PageProps<"/[locale]/houses/all">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Houses" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/houses"), text: t("title") }, { text: t("allTitle") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("allTitle")}</h1>
      <p className="mb-8 max-w-3xl">{t("allLead")}</p>
      {listHouses().map((h) => (
        <section key={h.slug} id={`house-${h.slug}`} aria-labelledby={`house-${h.slug}-title`} className="mb-12 border-t-4 border-brand pt-4">
          <h2 id={`house-${h.slug}-title`} className="mb-2 text-3xl font-bold">
            <Link prefetch={false} className="link" href={localePath(locale, `/houses/${h.slug}`)}>
              {localized(h.name, locale)}
            </Link>
          </h2>
          <HouseDetails locale={locale} house={h} level={3} />
        </section>
      ))}
    </>
  );
}
