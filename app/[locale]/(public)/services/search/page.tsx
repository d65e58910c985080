import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSearchIndex } from "@/lib/catalogue/search/build-index";
import { search, tokensOf } from "@/lib/catalogue/search/search";
import { contentLocale } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CatalogueSearch } from "@/components/catalogue/search-box-server";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/services/search">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Search" });
  return { title: t("title"), robots: { index: false } };
}

/** Server-side results from the same search function as the live box: works without JavaScript. */
export default async function SearchPage({ params, searchParams }: PageProps<"/[locale]/services/search">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Search" });
  const c = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200).trim() ?? "";
  const index = getSearchIndex();
  const hits = query ? search(index, query, 30) : [];
  const words = tokensOf(query);
  const partial = hits.length > 0 && words.length > 1 && !hits.some((h) => h.complete);
  const lang = contentLocale(locale);
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/services"), text: c("title") }, { text: t("title") }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <CatalogueSearch locale={locale} defaultValue={query} />
      {query ? (
        <section aria-labelledby="results">
          <h2 id="results" className="mb-1 text-2xl font-bold">
            {t("resultsFor", { query })}
          </h2>
          <p className="mb-3 font-semibold" role="status">{t("count", { count: hits.length })}</p>
          {partial ? <p className="mb-3">{t("partial")}</p> : null}
          {hits.length === 0 ? <p className="max-w-3xl">{t("noResults")}</p> : null}
          <ul className="flex flex-col divide-y divide-line border-y border-line">
            {hits.map((h) => (
              <li key={h.slug} className="py-3">
                <h3 className="text-lg font-bold">
                  <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${h.slug}`)}>
                    {h.entry.t[lang]}
                  </Link>
                </h3>
                <p className="text-sm font-semibold text-muted">{index.bodies[h.entry.b]?.[lang]}</p>
                <p className="max-w-3xl">{h.entry.u[lang]}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>{t("emptyQuery")}</p>
      )}
      <p className="mt-8">
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, "/services")}>
          {t("browse")}
        </Link>
      </p>
    </>
  );
}
