import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getGovernorate, listGovernorates } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { GovernorateDetails } from "@/components/houses/governorate-details";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listGovernorates().map((g) => ({ governorate: g.id }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/houses/governorates/[governorate]">): Promise<Metadata> {
  const { locale, governorate } = await params;
  const gov = getGovernorate(governorate);
  if (!isLocale(locale) || !gov) return {};
  const t = await getTranslations({ locale, namespace: "Houses" });
  return { title: t("governorateTitle", { governorate: localized(gov.name, locale) }) };
}

export default async function GovernoratePage({ params }: PageProps<"/[locale]/houses/governorates/[governorate]">) {
  const locale = await pageLocale(params);
  const { governorate } = await params;
  const gov = getGovernorate(governorate);
  if (!gov) notFound();
  const t = await getTranslations({ locale, namespace: "Houses" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const name = localized(gov.name, locale);
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/houses"), text: t("title") }, { text: name }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("governorateTitle", { governorate: name })}</h1>
      <GovernorateDetails locale={locale} gov={gov} />
    </>
  );
}
