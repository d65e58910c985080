import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listBodies, listCategories, servicesInCategory } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ServiceList } from "@/components/catalogue/service-list";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Catalogue.categoriesAllTitle", {}, { staticPage: true });

/**
 * Every topic and its procedures on one page, kept by the service worker for offline reading in
 * place of the topic pages (see services/bodies/all): offline, a topic's own address leads to its
 * section here (lib/pwa/cache-policy.ts, onePageSectionFor).
 */
export default async function AllCategoriesPage({ params }: PageProps<"/[locale]/services/categories/all">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const bodies = listBodies();
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/services"), text: t("title") }, { text: t("categoriesAllTitle") }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("categoriesAllTitle")}</h1>
      <p className="mb-8 max-w-3xl">{t("categoriesAllLead")}</p>
      {listCategories().map((category) => {
        const services = servicesInCategory(category.id);
        return (
          <section key={category.id} id={`category-${category.id}`} aria-labelledby={`category-${category.id}-title`} className="mb-12 border-t-4 border-brand pt-4">
            <h2 id={`category-${category.id}-title`} className="mb-3 text-3xl font-bold">
              <Link prefetch={false} className="link" href={localePath(locale, `/services/categories/${category.id}`)}>
                {localized(category.name, locale)}
              </Link>
            </h2>
            <p className="mb-2 max-w-3xl text-lg">{localized(category.description, locale)}</p>
            <p className="mb-2 text-muted">{t("servicesCount", { count: services.length })}</p>
            <ServiceList locale={locale} services={services} bodies={bodies} />
          </section>
        );
      })}
    </>
  );
}
