import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBody, getService, listServices } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ServiceDetails } from "@/components/catalogue/service-details";

export const dynamicParams = false;

export function generateStaticParams() {
  return listServices().map((s) => ({ slug: s.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/services/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service) return {};
  return { title: localized(service.title, locale), description: localized(service.summary, locale) };
}

export default async function ServicePage({ params }: PageProps<"/[locale]/services/[slug]">) {
  const { locale, slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const body = getBody(service.body)!;
  const title = localized(service.title, locale);
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/"), text: t("home") },
          { href: localePath(locale, "/services"), text: t("title") },
          { href: localePath(locale, `/services/bodies/${body.id}`), text: localized(body.shortName, locale) },
          { text: title },
        ]}
      />
      <h1 className="mb-3 text-3xl font-bold sm:text-4xl">{title}</h1>
      <ServiceDetails locale={locale} service={service} />
    </article>
  );
}
