import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listBodies, servicesOfBody } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Contacts } from "@/components/catalogue/contacts";
import { ServiceList } from "@/components/catalogue/service-list";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Catalogue.bodiesAllTitle", {}, { staticPage: true });

/**
 * Every body and its procedures on one page, kept by the service worker for offline reading in
 * place of the eleven body pages (each repeats ~4.7 kB gzipped of layout): offline, a body's own
 * address leads to its section here (lib/pwa/cache-policy.ts, onePageSectionFor).
 */
export default async function AllBodiesPage({ params }: PageProps<"/[locale]/services/bodies/all">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/services"), text: t("title") }, { text: t("bodiesAllTitle") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("bodiesAllTitle")}</h1>
      <p className="mb-8 max-w-3xl">{t("bodiesAllLead")}</p>
      {listBodies().map((body) => {
        const services = servicesOfBody(body.id);
        return (
          <section key={body.id} id={`body-${body.id}`} aria-labelledby={`body-${body.id}-title`} className="mb-12 border-t-4 border-brand pt-4">
            <h2 id={`body-${body.id}-title`} className="mb-3 text-3xl font-bold">
              <Link prefetch={false} className="link" href={localePath(locale, `/services/bodies/${body.id}`)}>
                {localized(body.name, locale)}
              </Link>
            </h2>
            <p className="mb-2 max-w-3xl text-lg">{localized(body.description, locale)}</p>
            <p className="mb-2 text-muted">{t("servicesCount", { count: services.length })}</p>
            <div className="mb-6">
              <ServiceList locale={locale} services={services} />
            </div>
            <h3 className="mb-2 text-2xl font-bold">{t("contactHeading")}</h3>
            <Contacts locale={locale} contacts={body.contacts} labels={{ web: t("contactWeb"), phone: t("contactPhone"), email: t("contactEmail"), office: t("contactOffice") }} />
          </section>
        );
      })}
    </>
  );
}
