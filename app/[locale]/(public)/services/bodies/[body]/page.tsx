import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getBody, listBodies, servicesOfBody } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Contacts } from "@/components/catalogue/contacts";
import { ServiceList } from "@/components/catalogue/service-list";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listBodies().map((b) => ({ body: b.id }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/services/bodies/[body]">): Promise<Metadata> {
  const { locale, body: id } = await params;
  const body = getBody(id);
  if (!isLocale(locale) || !body) return {};
  return { title: localized(body.name, locale), description: localized(body.description, locale) };
}

export default async function BodyPage({ params }: PageProps<"/[locale]/services/bodies/[body]">) {
  const locale = await pageLocale(params);
  const { body: id } = await params;
  const body = getBody(id);
  if (!body) notFound();
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const services = servicesOfBody(body.id);
  return (
    <>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[{ href: localePath(locale, "/"), text: t("home") }, { href: localePath(locale, "/services"), text: t("title") }, { text: localized(body.shortName, locale) }]}
      />
      <h1 className="mb-3 text-3xl font-bold">{localized(body.name, locale)}</h1>
      <p className="mb-6 max-w-3xl text-lg">{localized(body.description, locale)}</p>
      <h2 className="mb-3 text-2xl font-bold">
        {t("bodyServices")} <span className="text-base font-normal text-muted">({t("servicesCount", { count: services.length })})</span>
      </h2>
      <div className="mb-8">
        <ServiceList locale={locale} services={services} />
      </div>
      <h2 className="mb-2 text-2xl font-bold">{t("contactHeading")}</h2>
      <Contacts locale={locale} contacts={body.contacts} labels={{ web: t("contactWeb"), phone: t("contactPhone"), email: t("contactEmail"), office: t("contactOffice") }} />
    </>
  );
}
