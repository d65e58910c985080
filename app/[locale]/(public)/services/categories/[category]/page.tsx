import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCategory, listBodies, listCategories, servicesInCategory } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ServiceList } from "@/components/catalogue/service-list";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listCategories().map((c) => ({ category: c.id }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/services/categories/[category]">): Promise<Metadata> {
  const { locale, category: id } = await params;
  const category = getCategory(id);
  if (!isLocale(locale) || !category) return {};
  return { title: localized(category.name, locale), description: localized(category.description, locale) };
}

export default async function CategoryPage({ params }: PageProps<"/[locale]/services/categories/[category]">) {
  const locale = await pageLocale(params);
  const { category: id } = await params;
  const category = getCategory(id);
  if (!category) notFound();
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const services = servicesInCategory(category.id);
  return (
    <>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[{ href: localePath(locale, "/"), text: t("home") }, { href: localePath(locale, "/services"), text: t("title") }, { text: localized(category.name, locale) }]}
      />
      <h1 className="mb-3 text-3xl font-bold">{localized(category.name, locale)}</h1>
      <p className="mb-2 max-w-3xl text-lg">{localized(category.description, locale)}</p>
      <p className="mb-6 text-muted">{t("servicesCount", { count: services.length })}</p>
      <ServiceList locale={locale} services={services} bodies={listBodies()} headingLevel={2} />
    </>
  );
}
