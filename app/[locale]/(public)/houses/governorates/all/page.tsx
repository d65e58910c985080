import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listGovernorates } from "@/lib/houses/houses";
import { contentLocale, localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { GovernorateDetails } from "@/components/houses/governorate-details";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Houses.governoratesAllTitle", {}, { staticPage: true });

/**
 * Every governorate on one page, kept by the service worker for offline reading: the 24 pages
 * would cost ~24 × 4.7 kB gzipped of repeated layout; offline, a governorate's own address leads
 * to its section here (lib/pwa/cache-policy.ts, onePageSectionFor).
 */
export default async function AllGovernoratesPage({ params }: PageProps<"/[locale]/houses/governorates/all">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Houses" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const lang = contentLocale(locale);
  const collator = new Intl.Collator(locale);
  const governorates = [...listGovernorates()].sort((a, b) => collator.compare(a.name[lang], b.name[lang]));
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/houses"), text: t("title") }, { text: t("governoratesAllTitle") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("governoratesAllTitle")}</h1>
      <p className="mb-8 max-w-3xl">{t("governoratesAllLead")}</p>
      {governorates.map((g) => (
        <section key={g.id} id={`governorate-${g.id}`} aria-labelledby={`governorate-${g.id}-title`} className="mb-12 border-t-4 border-brand pt-4">
          <h2 id={`governorate-${g.id}-title`} className="mb-3 text-3xl font-bold">
            <Link prefetch={false} className="link" href={localePath(locale, `/houses/governorates/${g.id}`)}>
              {t("governorateTitle", { governorate: localized(g.name, locale) })}
            </Link>
          </h2>
          <GovernorateDetails locale={locale} gov={g} level={3} idPrefix={`${g.id}-`} />
        </section>
      ))}
    </>
  );
}
