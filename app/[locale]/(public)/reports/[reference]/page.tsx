import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { loadPublicReport } from "@/lib/requests/queries";
import { rootTranslator } from "@/components/cases/labels";
import { PublicReportItem } from "@/components/requests/public-report";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// References are open-ended; [locale]/layout.tsx turns dynamic params off for locales.
export const dynamicParams = true;

export const generateMetadata = titled("PublicReports.title");

/** One reported problem, as on the public list; where a citizen lands after joining it. */
export default async function PublicReportPage({ params, searchParams }: PageProps<"/[locale]/reports/[reference]">) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const report = await loadPublicReport({ reference });
  if (!report) notFound();
  const q = await searchParams;
  const t = await getTranslations({ locale, namespace: "PublicReports" });
  const root = await rootTranslator(locale);
  return (
    <>
      <Breadcrumbs label={t("title")} items={[{ href: localePath(locale, "/reports"), text: t("allReports") }, { text: report.reference }]} />
      {q.joined === "1" ? (
        <p role="status" className="mb-6 max-w-2xl border-s-4 border-success ps-3 font-semibold">
          {t("joined")}
        </p>
      ) : null}
      <div className="max-w-3xl">
        <PublicReportItem report={report} locale={locale} root={root} heading="h1" link={false} />
      </div>
    </>
  );
}
