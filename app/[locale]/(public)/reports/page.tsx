import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { findMunicipalCategory } from "@/lib/cases/kinds/municipal-report/categories";
import { municipalReportMachine } from "@/lib/cases/kinds/municipal-report";
import { formatDate } from "@/lib/i18n/format";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { loadPublicReports } from "@/lib/requests/queries";
import { rootTranslator, translateKey } from "@/components/cases/labels";
import { pick } from "@/components/requests/labels";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { StatusTag } from "@/components/ui/status-tag";

export async function generateMetadata({ params }: PageProps<"/[locale]/reports">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "PublicReports" });
  return { title: t("title") };
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Problems reported to the municipality, for everyone to see that it acts: category, place
 * (delegation), status and dates; the citizen's words and photos only after moderation; never a name.
 */
export default async function PublicReportsPage({ params, searchParams }: PageProps<"/[locale]/reports">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const q = await searchParams;
  const delegation = typeof q.delegation === "string" && SLUG.test(q.delegation) ? q.delegation : null;
  const status = q.status === "open" || q.status === "closed" ? q.status : null;
  const page = Math.max(1, Math.min(1000, Number(q.page) || 1));
  const t = await getTranslations({ locale, namespace: "PublicReports" });
  const root = await rootTranslator(locale);
  const { items, total, pageSize, delegations } = await loadPublicReports({ delegation, status, page });
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
        <SelectField id="delegation" name="delegation" label={t("delegation")} placeholder={t("allDelegations")} options={delegations.map((d) => ({ value: d, label: d }))} defaultValue={delegation ?? ""} />
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
        {items.map((r) => {
          const category = findMunicipalCategory(r.category);
          const state = (municipalReportMachine.states as Record<string, { label: string; tone: "grey" | "blue" | "green" | "yellow" | "red" | "purple" }>)[r.status];
          return (
            <li key={r.reference} className="border-s-4 border-brand ps-4">
              <h2 className="text-xl font-bold">{category ? pick(category.name, locale) : r.category}</h2>
              <p className="mb-1">
                {state ? <StatusTag tone={state.tone}>{translateKey(root, state.label)}</StatusTag> : null}{" "}
                <span className="ms-2">{t("where", { delegation: r.delegation })}</span>
              </p>
              <p className="text-muted">
                {t("dates", { submitted: formatDate(r.submittedAt, locale, "date"), updated: formatDate(r.updatedAt, locale, "date") })} · {t("affected", { count: r.affected })} ·{" "}
                <bdi dir="ltr">{r.reference}</bdi>
              </p>
              {r.place ? <p className="mt-2">{r.place}</p> : null}
              {r.description ? <p className="mt-2 whitespace-pre-line">{r.description}</p> : null}
              {r.photoIds.length ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  {r.photoIds.map((id) => (
                    <img key={id} src={`/api/files/${id}`} alt={t("photoAlt", { category: category ? pick(category.name, locale) : "" })} width={160} height={120} loading="lazy" className="h-30 w-40 object-cover" />
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pagination page={page} total={pages} hrefFor={hrefFor} labels={{ nav: t("pages"), previous: t("previous"), next: t("next"), pageOf: t("pageOf", { page, total: pages }) }} />
    </>
  );
}
