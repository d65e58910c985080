import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getGovernorate, housesForDelegation, housesInGovernorate, listGovernorates } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { HouseList } from "@/components/houses/house-list";
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
  const houses = housesInGovernorate(gov.id);
  const name = localized(gov.name, locale);
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/houses"), text: t("title") }, { text: name }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("governorateTitle", { governorate: name })}</h1>
      <section aria-labelledby="houses" className="mb-10">
        <h2 id="houses" className="mb-3 text-2xl font-bold">{t("housesInGovernorate")}</h2>
        {houses.length > 0 ? <HouseList locale={locale} houses={houses} /> : <p className="max-w-3xl">{t("noHouseInGovernorate")}</p>}
      </section>
      <section aria-labelledby="delegations">
        <h2 id="delegations" className="mb-3 text-2xl font-bold">{t("delegationsHeading")}</h2>
        <ul className="flex flex-col divide-y divide-line border-y border-line">
          {gov.delegations.map((d) => {
            const served = housesForDelegation(gov.id, d.id);
            return (
              <li key={d.id} id={`delegation-${d.id}`} className="py-2">
                <h3 className="font-bold">{localized(d.name, locale)}</h3>
                {served.length > 0 ? (
                  <ul>
                    {served.map(({ house, how }) => (
                      <li key={house.slug}>
                        <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, how === "tour" ? `/houses/mobile-units#stop-${house.tour!.find((s) => s.delegation === d.id)!.id}` : `/houses/${house.slug}`)}>
                          {localized(house.name, locale)}
                        </Link>
                        <span className="ms-2 text-sm text-muted">
                          ({t(how === "located" ? "locatedHere" : how === "serves" ? "servesHere" : "tourHere")})
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-muted">{t("noHouseInDelegation")}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
