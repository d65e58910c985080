import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { DATASETS, DATASET_IDS, LICENCE } from "@/lib/statistics/datasets";
import { SUPPRESS_BELOW } from "@/lib/statistics/suppress";
import { Ltr } from "@/components/ui/user-text";

export const generateMetadata = titled("OpenData.title", {}, { staticPage: true });

/**
 * The open data, documented: each dataset, its fields, its files (CSV and JSON, by day), the
 * licence, the rule that withholds small counts; and the Open311 GeoReport v2 endpoints.
 */
export default async function OpenDataPage({ params }: PageProps<"/[locale]/open-data">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "OpenData" });
  const open311 = ["services.json", "services.xml", "services/lighting.json", "requests.json", "requests.xml", "requests/{service_request_id}.json"];
  return (
    <div className="max-w-4xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-lg">{t("lead")}</p>
      <ul className="mb-8 flex list-disc flex-col gap-2 ps-6">
        <li>{t("daily")}</li>
        <li>{t("noPersonal")}</li>
        <li>{t("suppressed", { below: SUPPRESS_BELOW })}</li>
        <li>
          {t("licence")}{" "}
          <a className="link" href={LICENCE.url} lang="en">
            {LICENCE.name}
          </a>
        </li>
        <li>
          {t("period")} <Ltr>?from=2026-11-01&amp;to=2026-11-30</Ltr>
        </li>
      </ul>
      {DATASET_IDS.map((id) => (
        <section key={id} aria-labelledby={`ds-${id}`} className="mb-10">
          <h2 id={`ds-${id}`} className="mb-2 text-2xl font-bold">
            {t(`datasets.${id}.title`)}
          </h2>
          <p className="mb-3">{t(`datasets.${id}.description`)}</p>
          <p className="mb-3 flex flex-wrap gap-x-6 gap-y-2">
            <a className="link inline-flex min-h-11 items-center" href={`/api/v1/open-data/${id}.csv`}>
              {t("csv")}
              <span className="sr-only"> — {t(`datasets.${id}.title`)}</span>
            </a>
            <a className="link inline-flex min-h-11 items-center" href={`/api/v1/open-data/${id}.json`}>
              {t("json")}
              <span className="sr-only"> — {t(`datasets.${id}.title`)}</span>
            </a>
          </p>
          <table className="w-full border-collapse text-start">
            <caption className="sr-only">{t("fieldsCaption", { dataset: t(`datasets.${id}.title`) })}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2 text-start">{t("columns.field")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.type")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.meaning")}</th>
              </tr>
            </thead>
            <tbody>
              {DATASETS[id].fields.map((f) => (
                <tr key={f.name} className="border-b border-line">
                  <th scope="row" className="p-2 text-start font-mono font-normal">
                    <Ltr>{f.name}</Ltr>
                  </th>
                  <td className="p-2">{t(`types.${f.type}`)}</td>
                  <td className="p-2">{t(`fields.${f.name}` as "fields.date")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section aria-labelledby="open311" className="mb-10">
        <h2 id="open311" className="mb-2 text-2xl font-bold">
          {t("open311Heading")}
        </h2>
        <p className="mb-3">{t("open311Lead")}</p>
        <ul className="flex list-disc flex-col gap-2 ps-6">
          {open311.map((p) => (
            <li key={p}>
              <Ltr className="font-mono">/api/open311/v2/{p}</Ltr>
            </li>
          ))}
        </ul>
        <p className="mt-3">{t("open311Jurisdiction")}</p>
      </section>
    </div>
  );
}
