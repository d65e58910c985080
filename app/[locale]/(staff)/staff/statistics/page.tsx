import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/auth/session";
import { staffRoles } from "@/lib/auth/roles";
import { listBodies } from "@/lib/catalogue/catalogue";
import { listKinds } from "@/lib/cases/kinds";
import { listHouses, getHouse } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { direction, localePath, type Locale } from "@/lib/i18n/routing";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";
import { dashboardFor } from "@/lib/statistics/dashboard";
import { daysOf } from "@/lib/statistics/period";
import { scopeKey, type Scope } from "@/lib/statistics/scope";
import type { RatingFigures } from "@/lib/statistics/aggregates";
import { StepForm } from "@/components/forms/form";
import { Select, Submit, TextInput } from "@/components/forms/fields";
import { bodyName, municipalityGroups, rootTranslator, translateKey } from "@/components/cases/labels";
import { ColumnChart } from "@/components/statistics/column-chart";

// Personal (a staff member's scope): rendered for each request, never cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Statistics.title", { robots: { index: false, follow: false } });

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * The statistics of a house, a body (a municipality is one) or the country, for a period:
 * administrators choose the scope, officials see their body, agents their house.
 */
export default async function StatisticsPage({ params, searchParams }: PageProps<"/[locale]/staff/statistics">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/staff/statistics"), { roles: staffRoles });
  const q = await searchParams;
  // Another body's or house's figures: a 404, as every page a person may not see.
  const { scope, period, errors, data } = await dashboardFor(actor, { scope: one(q.scope), from: one(q.from), to: one(q.to) }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "forbidden") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "Statistics" });
  const root = await rootTranslator(locale);
  const dir = direction(locale);
  const num = new Intl.NumberFormat(locale);
  const n = (v: number) => num.format(v);
  const pct = (part: number, whole: number) => (whole === 0 ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(part / whole));
  const hours = (h: number | null) => (h === null ? "—" : t("hours", { hours: Math.round(h * 10) / 10 }));
  const avg = (r: RatingFigures) => (r.count === 0 ? "—" : t("average", { average: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(r.sum / r.count), count: r.count, satisfied: pct(r.satisfied, r.count) }));
  const scopeName = nameOfScope(scope, locale, root, t("national"));
  const day = (d: string) => formatDate(new Date(`${d}T12:00:00Z`), locale, "date");

  const kindName = (kind: string) => {
    const k = listKinds().find((x) => x.id === kind);
    return k ? translateKey(root, k.messages.name) : kind;
  };
  const statusName = (kind: string, status: string) => {
    const def = listKinds().find((x) => x.id === kind)?.machine.states[status];
    return def ? translateKey(root, def.label) : status;
  };
  const daily = daysOf(period).map((d) => ({ label: day(d), shortLabel: String(Number(d.slice(8))), value: data.cases.daily.find((x) => x.day === d)?.count ?? 0 }));

  const figures: [string, string, string][] = [
    ["cases", t("figures.cases"), n(data.cases.total)],
    ["firstReply", t("figures.firstReply"), hours(data.firstReply.medianHours)],
    ["resolution", t("figures.resolution"), hours(data.resolution.medianHours)],
    ["overdue", t("figures.overdue"), data.overdue.withDeadline === 0 ? "—" : t("share", { share: pct(data.overdue.overdue, data.overdue.withDeadline), part: data.overdue.overdue, whole: data.overdue.withDeadline })],
    ["ratingCase", t("figures.ratingCase"), avg(data.satisfaction.case)],
    ["ratingInterview", t("figures.ratingInterview"), avg(data.satisfaction.interview)],
    ["ratingPayment", t("figures.ratingPayment"), avg(data.satisfaction.payment)],
    ...(data.bookings
      ? ([
          ["bookings", t("figures.bookings"), n(data.bookings.total)],
          ["noShows", t("figures.noShows"), data.bookings.total === 0 ? n(0) : t("share", { share: pct(data.bookings.noShows, data.bookings.total), part: data.bookings.noShows, whole: data.bookings.total })],
        ] as [string, string, string][])
      : []),
    ...(data.payments
      ? ([
          ["payments", t("figures.payments"), n(data.payments.count)],
          ["amount", t("figures.amount"), formatMoney(data.payments.amountMillimes, locale)],
        ] as [string, string, string][])
      : []),
    ...(data.visits ? ([["visits", t("figures.visits"), n(data.visits.total)]] as [string, string, string][]) : []),
    ...(data.lessonsCompleted !== null ? ([["lessons", t("figures.lessons"), n(data.lessonsCompleted)]] as [string, string, string][]) : []),
    ...(data.guidanceSessions !== null ? ([["guidance", t("figures.guidance"), n(data.guidanceSessions)]] as [string, string, string][]) : []),
  ];

  const scopeOptions =
    actor.role === "admin"
      ? {
          options: [
            { value: "national", label: t("national") },
            ...listBodies()
              .filter((b) => b.id !== GENERIC_MUNICIPALITY)
              .map((b) => ({ value: `body:${b.id}`, label: localized(b.name, locale) })),
          ],
          groups: [
            { label: t("housesGroup"), options: listHouses().map((h) => ({ value: `house:${h.slug}`, label: localized(h.name, locale) })) },
            ...municipalityGroups(locale).map((g) => ({ label: g.label, options: g.options.map((o) => ({ value: `body:${o.value}`, label: o.label })) })),
          ],
        }
      : null;

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-lg">{t("lead", { scope: scopeName, from: day(period.from), to: day(period.to) })}</p>
      <StepForm action={localePath(locale, "/staff/statistics")} id="period" errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translateKey(root, v)]))} values={{ scope: scopeKey(scope), from: Object.keys(errors).length ? (one(q.from) ?? "") : period.from, to: Object.keys(errors).length ? (one(q.to) ?? "") : period.to }} className="mb-8 flex flex-col gap-x-4 sm:flex-row sm:flex-wrap sm:items-end">
        {scopeOptions ? (
          <div className="min-w-0 sm:min-w-72">
            <Select name="scope" label={t("scopeLabel")} options={scopeOptions.options} groups={scopeOptions.groups} />
          </div>
        ) : null}
        <div className="min-w-0 sm:min-w-44">
          <TextInput name="from" type="date" label={t("from")} />
        </div>
        <div className="min-w-0 sm:min-w-44">
          <TextInput name="to" type="date" label={t("to")} />
        </div>
        <div className="mb-6">
          <Submit variant="secondary">{t("apply")}</Submit>
        </div>
      </StepForm>

      <section aria-labelledby="figures-heading" className="mb-10">
        <h2 id="figures-heading" className="mb-4 text-2xl font-bold">
          {t("figuresHeading")}
        </h2>
        <table className="w-full max-w-3xl border-collapse text-start">
          <caption className="sr-only">{t("figuresCaption", { scope: scopeName })}</caption>
          <tbody>
            {figures.map(([key, label, value]) => (
              <tr key={key} className="border-b border-line" data-figure={key}>
                <th scope="row" className="p-2 text-start font-normal">
                  {label}
                </th>
                <td className="p-2 font-semibold">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="charts-heading" className="mb-10">
        <h2 id="charts-heading" className="mb-4 text-2xl font-bold">
          {t("chartsHeading")}
        </h2>
        <ColumnChart id="daily" title={t("charts.daily")} dir={dir} data={daily} columns={[t("columns.day"), t("columns.cases")]} format={n} labelEvery={Math.max(1, Math.ceil(daily.length / 10))} />
        <ColumnChart id="kinds" title={t("charts.kinds")} dir={dir} data={data.cases.byKind.map((k) => ({ label: kindName(k.kind), shortLabel: "", value: k.total }))} columns={[t("columns.kind"), t("columns.cases")]} format={n} />
        {data.visits ? <ColumnChart id="visits" title={t("charts.visits")} dir={dir} data={data.visits.bySection.map((v) => ({ label: t.has(`sections.${v.section}` as "sections.home") ? t(`sections.${v.section}` as "sections.home") : v.section, shortLabel: "", value: v.visits }))} columns={[t("columns.section"), t("columns.visits")]} format={n} /> : null}
      </section>

      <section aria-labelledby="status-heading" className="mb-10">
        <h2 id="status-heading" className="mb-4 text-2xl font-bold">
          {t("statusHeading")}
        </h2>
        {data.cases.byStatus.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <table className="w-full max-w-3xl border-collapse text-start">
            <caption className="sr-only">{t("statusHeading")}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2 text-start">{t("columns.kind")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.status")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.cases")}</th>
              </tr>
            </thead>
            <tbody>
              {data.cases.byStatus.map((r) => (
                <tr key={`${r.kind}-${r.status}`} className="border-b border-line">
                  <td className="p-2">{kindName(r.kind)}</td>
                  <td className="p-2">{statusName(r.kind, r.status)}</td>
                  <td className="p-2">{n(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function nameOfScope(scope: Scope, locale: Locale, root: Awaited<ReturnType<typeof rootTranslator>>, national: string): string {
  if (scope.level === "national") return national;
  if (scope.level === "house") {
    const h = getHouse(scope.id);
    return h ? localized(h.name, locale) : scope.id;
  }
  return bodyName(root, scope.id);
}
