import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listServices } from "@/lib/catalogue/catalogue";
import { contentLocale, localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ServiceDetails } from "@/components/catalogue/service-details";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Catalogue.allTitle", {}, { staticPage: true });

/**
 * Every procedure on one page. It is what the service worker keeps for offline reading: one
 * document compresses far better than forty (each page repeats about 4.7 kB gzipped of layout),
 * and offline, a procedure's own address leads here, to its section (see app/sw.ts).
 */
export default async function AllServicesPage({ params }: PageProps<"/[locale]/services/all">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const lang = contentLocale(locale);
  const collator = new Intl.Collator(locale);
  const services = [...listServices()].sort((a, b) => collator.compare(a.title[lang], b.title[lang]));
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/services"), text: t("title") }, { text: t("allTitle") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("allTitle")}</h1>
      <p className="mb-8 max-w-3xl">{t("allLead")}</p>
      {services.map((s) => (
        <section key={s.slug} id={`service-${s.slug}`} aria-labelledby={`service-${s.slug}-title`} className="mb-12 border-t-4 border-brand pt-4">
          <h2 id={`service-${s.slug}-title`} className="mb-3 text-3xl font-bold">
            <Link prefetch={false} className="link" href={localePath(locale, `/services/${s.slug}`)}>
              {localized(s.title, locale)}
            </Link>
          </h2>
          <ServiceDetails locale={locale} service={s} level={3} compact />
        </section>
      ))}
    </>
  );
}
