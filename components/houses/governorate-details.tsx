import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Governorate } from "@/lib/houses/schema";
import { housesForDelegation, housesInGovernorate } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { HouseList } from "@/components/houses/house-list";

/**
 * A governorate's houses and, delegation by delegation, who serves it. One rendering for the
 * governorate's own page (level 2) and for its section of the one-page list kept offline
 * (houses/governorates/all, level 3): `idPrefix` keeps the ids unique there.
 */
export async function GovernorateDetails({ locale, gov, level = 2, idPrefix = "" }: { locale: Locale; gov: Governorate; level?: 2 | 3; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: "Houses" });
  const houses = housesInGovernorate(gov.id);
  const H2 = level === 2 ? "h2" : "h3";
  const H3 = level === 2 ? "h3" : "h4";
  return (
    <>
      <section aria-labelledby={`${idPrefix}houses`} className="mb-10">
        <H2 id={`${idPrefix}houses`} className="mb-3 text-2xl font-bold">{t("housesInGovernorate")}</H2>
        {houses.length > 0 ? <HouseList locale={locale} houses={houses} /> : <p className="max-w-3xl">{t("noHouseInGovernorate")}</p>}
      </section>
      <section aria-labelledby={`${idPrefix}delegations`}>
        <H2 id={`${idPrefix}delegations`} className="mb-3 text-2xl font-bold">{t("delegationsHeading")}</H2>
        <ul className="flex flex-col divide-y divide-line border-y border-line">
          {gov.delegations.map((d) => {
            const served = housesForDelegation(gov.id, d.id);
            return (
              <li key={d.id} id={`${idPrefix}delegation-${d.id}`} className="py-2">
                <H3 className="font-bold">{localized(d.name, locale)}</H3>
                {served.length > 0 ? (
                  <ul>
                    {served.map(({ house, how }) => (
                      <li key={house.slug}>
                        <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, how === "tour" ? `/houses/mobile-units#stop-${house.tour!.find((s) => s.delegation === d.id)!.id}` : `/houses/${house.slug}`)}>
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
