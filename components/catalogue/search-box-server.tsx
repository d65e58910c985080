import { getTranslations } from "next-intl/server";
import { getSearchIndex } from "@/lib/catalogue/search/build-index";
import { contentLocale } from "@/lib/i18n/content";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { pluralTemplates } from "@/lib/i18n/plural-templates";
import { SearchBox } from "./search-box";

/** The search box with its strings and the address of the current index (versioned, so a new catalogue is fetched anew). */
export async function CatalogueSearch({ locale, defaultValue }: { locale: Locale; defaultValue?: string }) {
  const t = await getTranslations({ locale, namespace: "Search" });
  return (
    <SearchBox
      action={localePath(locale, "/services/search")}
      lang={contentLocale(locale)}
      locale={locale}
      hrefPrefix={localePath(locale, "/services/")}
      indexUrl={`/catalogue-data/search-index.json?v=${getSearchIndex().version}`}
      defaultValue={defaultValue}
      labels={{ label: t("label"), hint: t("hint"), submit: t("submit"), results: t("liveResults"), count: pluralTemplates(locale, (count) => t("count", { count })) }}
    />
  );
}
