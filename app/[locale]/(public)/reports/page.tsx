import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { loadPublicReports } from "@/lib/requests/queries";
import { rootTranslator } from "@/components/cases/labels";
import { PublicReportItem, placeLabel } from "@/components/requests/public-report";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("PublicReports.title");

const PLACE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Problems reported to the municipality, for everyone to see that it acts: category, place
 * (delegation), status and dates; the citizen's words and photos only after moderation; never a name.
 */
export default async function PublicReportsPage({ params, searchParams }: PageProps<"/[locale]/reports">) {
  const locale = await pageLocale(params);
  const q = await searchParams;
  // The filter names a place as governorate/delegation: a delegation id alone can repeat (Ezzouhour).
  const place = typeof q.delegation === "string" ? PLACE.exec(q.delegation) : null;
  const delegation = place ? `${place[1]}/${place[2]}` : null;
  const status = q.status === "open" || q.status === "closed" ? q.status : null;
  const page = Math.max(1, Math.min(1000, Number(q.page) || 1));
  const t = await getTranslations({ locale, namespace: "PublicReports" });
  const root = await rootTranslator(locale);
  const { items, total, pageSize, delegations } = await loadPublicReports({ governorate: place?.[1] ?? null, delegation: place?.[2] ?? null, status, page });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (n: number) => {
    const sp = new URLSearchParams();
    if (delegation) sp.set("delegation", delegation);
    if (status) sp.set("status", status);
    sp.set("page", String(n));
    return `${localePath(locale, "/reports")}?${sp.toString()}`;
  };
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <form method="get" action={localePath(locale, "/reports")} className="mb-8 flex max-w-2xl flex-col gap-2 border-2 border-line p-4" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="text-xl font-bold">
          {t("filter")}
        </h2>
        <SelectField id="delegation" name="delegation" label={t("delegation")} placeholder={t("allDelegations")} options={delegations
            .map((d) => ({ value: `${d.governorate}/${d.delegation}`, label: placeLabel(d.governorate, d.delegation, locale) }))
            .sort((a, b) => a.label.localeCompare(b.label, locale))} defaultValue={delegation ?? ""} />
        <SelectField
          id="status"
          name="status"
          label={t("status")}
          placeholder={t("allStatuses")}
          options={[
            { value: "open", label: t("open") },
            { value: "closed", label: t("closed") },
          ]}
          defaultValue={status ?? ""}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
        </div>
      </form>
      <p role="status" className="mb-4 font-semibold">
        {t("count", { count: total })}
      </p>
      {items.length === 0 ? <p className="mb-8">{t("none")}</p> : null}
      <ul className="flex max-w-3xl flex-col gap-6">
        {items.map((r) => (
          <li key={r.reference}>
            <PublicReportItem report={r} locale={locale} root={root} />
          </li>
        ))}
      </ul>
      <Pagination page={page} total={pages} hrefFor={hrefFor} labels={{ nav: t("pages"), previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page, total: pages }) }} />
    </>
  );
}
