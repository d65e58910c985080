import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getBody, getService, listServices } from "@/lib/catalogue/catalogue";
import { housesOffering } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { HouseList } from "@/components/houses/house-list";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listServices().map((s) => ({ service: s.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/houses/for/[service]">): Promise<Metadata> {
  const { locale, service: slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service) return {};
  const t = await getTranslations({ locale, namespace: "Houses" });
  return { title: t("forServiceTitle", { service: localized(service.title, locale) }) };
}

/** "Where can I pay a SONEDE bill in person?" — the houses that offer one procedure. */
export default async function HousesForServicePage({ params }: PageProps<"/[locale]/houses/for/[service]">) {
  const locale = await pageLocale(params);
  const { service: slug } = await params;
  const service = getService(slug);
  if (!service) notFound();
  const t = await getTranslations({ locale, namespace: "Houses" });
  const c = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const houses = housesOffering(service.slug);
  const title = localized(service.title, locale);
  const body = getBody(service.body)!;
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/houses"), text: t("title") }, { text: title }]} />
      <h1 className="mb-3 text-3xl font-bold">{t("forServiceTitle", { service: title })}</h1>
      <p className="mb-6">
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${service.slug}`)}>
          {title} — {localized(body.shortName, locale)}
        </Link>
      </p>
      {houses.length > 0 ? <HouseList locale={locale} houses={houses} /> : <p className="max-w-3xl">{t("forServiceNone")}</p>}
      <p className="mt-6 text-muted">{c(`channels.body-office`)}: {localized(body.name, locale)}</p>
    </>
  );
}
