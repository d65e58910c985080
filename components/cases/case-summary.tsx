import type { CaseView, StaffViewSummary } from "@/lib/cases/read";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { StatusTag } from "@/components/ui/status-tag";
import { UserText, Ltr } from "@/components/ui/user-text";
import { DeadlineNote } from "./deadline-note";
import { bodyName, displayValue, translateKey, type Tr } from "./labels";

/** The facts of a case (reference, body, status, legal date, deadline) and what the citizen sent. */
export function CaseSummary({ t, locale, caseView, views, detailsHeading }: { t: Tr; locale: Locale; caseView: CaseView; views: StaffViewSummary[]; detailsHeading?: string }) {
  const { row, kind, state } = caseView;
  const rows: [string, React.ReactNode][] = [
    [t("Cases.summary.reference"), <Ltr key="r" nowrap className="font-mono text-lg font-bold">{row.reference}</Ltr>],
    [t("Cases.summary.kind"), translateKey(t, kind.messages.name)],
    [t("Cases.summary.body"), bodyName(t, row.bodyId)],
    [t("Cases.summary.status"), <StatusTag key="s" tone={state.tone}>{translateKey(t, state.label)}</StatusTag>],
    [t("Cases.summary.submittedAt"), <time key="d" dateTime={row.submittedAt.toISOString()}>{formatDate(row.submittedAt, locale, "dateTime")}</time>],
  ];
  if (!row.closedAt && row.dueAt) rows.push([t("Cases.summary.deadline"), <DeadlineNote key="due" t={t} locale={locale} status={caseView.deadline} dueAt={row.dueAt} />]);
  const roleWord = (role: string | null) => t(`Cases.roles.${role === "official" ? "official" : role === "admin" ? "admin" : "agent"}`);
  const dataLang = locale === "ar-TN" ? "ar" : "fr";
  const details = describeSafely(caseView, dataLang);
  // Catalogue data exists in Arabic and French only: on an English page it is French, and says so.
  const dataLangOf = (field: string) => (locale === "en" && (field === "category" || field === "delegation") ? "fr-TN" : undefined);
  return (
    <>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 border-y-2 border-line py-4 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {views.length ? (
        <section aria-labelledby="views-heading" className="mb-6">
          <h2 id="views-heading" className="mb-2 text-xl font-bold">
            {t("Cases.views.heading")}
          </h2>
          <ul className="list-disc ps-6">
            {views.map((v) => (
              <li key={`${v.bodyId}-${v.role}`}>
                {v.bodyId && bodyName(t, v.bodyId)
                  ? t("Cases.views.seenBy", { who: roleWord(v.role), body: bodyName(t, v.bodyId), date: formatDate(v.at, locale, "dateTime") })
                  : t("Cases.views.seenByNoBody", { who: roleWord(v.role), date: formatDate(v.at, locale, "dateTime") })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="details-heading" className="mb-8">
        <h2 id="details-heading" className="mb-2 text-xl font-bold">
          {detailsHeading ?? t("Cases.details")}
        </h2>
        <dl className="flex flex-col gap-3">
          {details.map(([field, value]) => (
            <div key={field}>
              <dt className="font-semibold">{translateKey(t, kind.messages.fields[field] ?? field)}</dt>
              <UserText as="dd" lang={dataLangOf(field)} className="whitespace-pre-line">{displayValue(t, field, value)}</UserText>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

/** A payload that no longer matches its kind's schema (an old case) still shows what it can. */
function describeSafely(caseView: CaseView, dataLang: "ar" | "fr"): [string, string][] {
  try {
    return caseView.kind.describe(caseView.row.payload, dataLang);
  } catch {
    return [];
  }
}
