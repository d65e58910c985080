import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getGovernorate, getHouse, listHouses } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { HouseDetails } from "@/components/houses/house-details";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listHouses().map((h) => ({ slug: h.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/houses/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const house = getHouse(slug);
  if (!isLocale(locale) || !house) return {};
  return { title: localized(house.name, locale), description: localized(house.address, locale) };
}

export default async function HousePage({ params }: PageProps<"/[locale]/houses/[slug]">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const house = getHouse(slug);
  if (!house) notFound();
  const t = await getTranslations({ locale, namespace: "Houses" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const gov = getGovernorate(house.governorate)!;
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/houses"), text: t("title") },
          { href: localePath(locale, `/houses/governorates/${gov.id}`), text: localized(gov.name, locale) },
          { text: localized(house.name, locale) },
        ]}
      />
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">{localized(house.name, locale)}</h1>
      <HouseDetails locale={locale} house={house} />
      <p className="no-print mt-8">
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, "/houses")}>
          {t("allHouses")}
        </Link>
      </p>
    </article>
  );
}
