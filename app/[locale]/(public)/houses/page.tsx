import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listBodies, listServices } from "@/lib/catalogue/catalogue";
import { housesInGovernorate, listGovernorates, listHouses, listMobileUnits } from "@/lib/houses/houses";
import { contentLocale, localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { HouseList } from "@/components/houses/house-list";
import { NearMe } from "@/components/houses/near-me";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/houses">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Houses" });
  return { title: t("title"), description: t("description") };
}

/** Find a house without a map: by governorate (links), by procedure (a GET form), or near me (on the device). */
export default async function HousesPage({ params }: PageProps<"/[locale]/houses">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Houses" });
  const c = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const lang = contentLocale(locale);
  const collator = new Intl.Collator(locale);
  const houses = listHouses();
  const bodies = listBodies();
  const services = [...listServices()].filter((s) => houses.some((h) => h.services.includes(s.slug)));
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/"), text: c("home") }, { text: t("title") }]} />
      <h1 className="mb-3 text-3xl font-bold sm:text-4xl">{t("title")}</h1>
      <p className="mb-8 max-w-3xl text-lg">{t("lead")}</p>

      <section aria-labelledby="by-governorate" className="mb-10">
        <h2 id="by-governorate" className="mb-3 text-2xl font-bold">{t("byGovernorate")}</h2>
        <ul className="grid grid-cols-2 gap-x-4 sm:grid-cols-3 md:grid-cols-4">
          {[...listGovernorates()]
            .sort((a, b) => collator.compare(a.name[lang], b.name[lang]))
            .map((g) => {
              const count = housesInGovernorate(g.id).length;
              return (
                <li key={g.id}>
                  <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/houses/governorates/${g.id}`)}>
                    {localized(g.name, locale)}
                  </Link>
                  {count > 0 ? <span className="ms-1 text-sm text-muted">({count})</span> : null}
                </li>
              );
            })}
        </ul>
      </section>

      <section aria-labelledby="by-service" className="mb-10">
        <h2 id="by-service" className="mb-3 text-2xl font-bold">{t("byService")}</h2>
        <form action={localePath(locale, "/houses/find")} method="get">
          <SelectField
            id="service"
            name="service"
            label={t("serviceLabel")}
            placeholder={t("servicePlaceholder")}
            options={bodies.flatMap((b) =>
              services
                .filter((s) => s.body === b.id)
                .map((s) => ({ value: s.slug, label: `${localized(b.shortName, locale)} — ${localized(s.title, locale)}` })),
            )}
          />
          <Button>{t("find")}</Button>
        </form>
      </section>

      <section aria-labelledby="near-me" className="mb-10">
        <h2 id="near-me" className="mb-3 text-2xl font-bold">{t("nearMeHeading")}</h2>
        <NearMe
          locale={locale}
          places={houses
            .filter((h) => h.coordinates)
            .map((h) => ({
              slug: h.slug,
              name: localized(h.name, locale),
              kind: h.kinds.map((k) => t(`kinds.${k}`)).join(" · "),
              lat: h.coordinates!.lat,
              lon: h.coordinates!.lon,
              href: localePath(locale, `/houses/${h.slug}`),
            }))}
          labels={{ button: t("nearMeButton"), hint: t("nearMeHint"), loading: t("nearMeLoading"), denied: t("nearMeDenied"), results: t("nearMeResults"), distance: t("distance", { km: "{km}" }) }}
        />
      </section>

      <section aria-labelledby="mobile" className="mb-10">
        <h2 id="mobile" className="mb-3 text-2xl font-bold">{t("mobileUnitsHeading")}</h2>
        <p className="mb-2">{t("mobileUnitsLead")}</p>
        <p className="mb-2">
          <Link prefetch={false} className="link inline-flex min-h-11 items-center font-semibold" href={localePath(locale, "/houses/mobile-units")}>
            {t("mobileUnitsLink")}
          </Link>
        </p>
        <p className="text-muted">{listMobileUnits().map((u) => localized(u.name, locale)).join(" · ")}</p>
      </section>

      <section aria-labelledby="all-houses">
        <h2 id="all-houses" className="mb-3 text-2xl font-bold">{t("allHouses")}</h2>
        <HouseList locale={locale} houses={houses} />
      </section>
    </>
  );
}
