import { LessonLink } from "@/components/learning/lesson-link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { municipalCategories } from "@/lib/cases/kinds/municipal-report/categories";
import { GOVERNORATES } from "@/lib/cases/kinds/municipal-report/places";
import { env } from "@/lib/env";
import { localePath } from "@/lib/i18n/routing";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { reportFormAction } from "@/lib/requests/report-actions";
import { municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { pick } from "@/components/requests/labels";
import { FormMessages } from "@/components/forms/form-messages";
import { OUTBOX_WORDS } from "@/components/forms/form";
import { ReportForm } from "@/components/requests/report-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const generateMetadata = titled("MunicipalReport.title");

/**
 * Report a problem in the street: what, where (the phone's position, a pin on a map when one
 * loads, or a described place — equal choices), photos; then check the answers and see whether
 * it was already reported nearby.
 */
/** The words the form's client leaves read (report-form, report-check, gps, map, photos). */
const REPORT_WORDS = [
  ...["form", "fields.description", "check", "similar", "gps", "map", "photos", "send"].map((k) => `MunicipalReport.${k}`),
  ...["continue", "sending", "change", "hideName", "hideNameHint", "status"].map((k) => `Requests.${k}`),
  "Outbox.draftNote",
  ...["field", "reportHint", "fromPlace"].map((k) => `Municipalities.${k}`),
  "ResumableUpload",
  ...["preparing", "ready", "errors"].map((k) => `Uploads.${k}`),
  ...OUTBOX_WORDS,
];

export default async function NewMunicipalReportPage({ params }: PageProps<"/[locale]/requests/report/new">) {
  const locale = await pageLocale(params);
  const formPath = localePath(locale, "/requests/report/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "MunicipalReport" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const root = await rootTranslator(locale);
  const config = env();
  return (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <LessonLink locale={locale} slug="report-a-problem-in-town" />
      <ExplainThisPage locale={locale} step="report.form" />
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <FormMessages errors={["MunicipalReport", "Requests", "Uploads", "Municipalities"]} namespaces={REPORT_WORDS}>
        <ReportForm
          action={reportFormAction}
          idempotencyKey={newIdempotencyKey()}
          userId={actor.userId}
          chunkBytes={config.UPLOAD_CHUNK_BYTES}
          formPath={formPath}
          categories={municipalCategories().map((c) => ({ value: c.id, label: pick(c.name, locale), hint: t("serviceLevel", { days: c.serviceLevelDays }) }))}
          governorates={GOVERNORATES.map((g) => ({ id: g.id, name: pick(g.name, locale), delegations: g.delegations.map((d) => ({ id: d.id, name: pick(d.name, locale) })) }))}
          municipalities={municipalityGroups(locale)}
          map={config.MAP_TILE_URL ? { tileUrl: config.MAP_TILE_URL, attribution: config.MAP_ATTRIBUTION ?? "" } : null}
        />
      </FormMessages>
    </>
  );
}
