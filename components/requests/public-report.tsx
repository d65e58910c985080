import { municipalCategoryName } from "@/lib/cases/kinds/municipal-report/categories";
import { municipalReportMachine } from "@/lib/cases/kinds/municipal-report";
import { placeNames } from "@/lib/cases/kinds/municipal-report/places";
import type { PublicReport } from "@/lib/requests/reports";
import { formatDate } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { translateKey, type Tr } from "@/components/cases/labels";
import { StatusTag } from "@/components/ui/status-tag";
import { pick } from "./labels";
import { UserText } from "@/components/ui/user-text";

type Tone = "grey" | "blue" | "green" | "yellow" | "red" | "purple";

/** "Haïdra (Kasserine)" in the page's language; the ids when the data does not know the place. */
export function placeLabel(governorate: string, delegation: string, locale: Locale): string {
  const names = placeNames(governorate, delegation);
  return names ? `${pick(names.delegation, locale)} (${pick(names.governorate, locale)})` : delegation;
}

/** One reported problem as the public sees it: never a name; words and photos only once moderated. */
export function PublicReportItem({ report: r, locale, root, heading = "h2", link = true }: { report: PublicReport; locale: Locale; root: Tr; heading?: "h1" | "h2"; link?: boolean }) {
  // A category removed since keeps its name, or shows its id.
  const category = municipalCategoryName(r.category);
  const state = (municipalReportMachine.states as Record<string, { label: string; tone: Tone }>)[r.status];
  const name = category ? pick(category, locale) : r.category;
  const H = heading;
  const t = (key: string, values?: Record<string, string | number>) => root(`PublicReports.${key}`, values);
  return (
    <article className="border-s-4 border-brand ps-4">
      <H className={heading === "h1" ? "mb-4 text-3xl font-bold" : "text-xl font-bold"}>
        {link ? (
          <a href={localePath(locale, `/reports/${r.reference}`)} className="text-link underline">
            {name}
          </a>
        ) : (
          name
        )}
      </H>
      <p className="mb-1">
        {state ? <StatusTag tone={state.tone}>{translateKey(root, state.label)}</StatusTag> : null}{" "}
        <span className="ms-2">{t("where", { delegation: placeLabel(r.governorate, r.delegation, locale) })}</span>
      </p>
      <p className="text-muted">
        {t("dates", { submitted: formatDate(r.submittedAt, locale, "date"), updated: formatDate(r.updatedAt, locale, "date") })} · <span data-affected>{t("affected", { count: r.affected })}</span> · <bdi dir="ltr">{r.reference}</bdi>
      </p>
      {r.place ? <p className="mt-2">{r.place}</p> : null}
      {r.description ? <UserText as="p" className="mt-2 whitespace-pre-line">{r.description}</UserText> : null}
      {r.photoIds.length ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {r.photoIds.map((id) => (
            <img key={id} src={`/api/files/${id}`} alt={t("photoAlt", { category: name })} width={160} height={120} loading="lazy" className="h-30 w-40 object-cover" />
          ))}
        </div>
      ) : null}
    </article>
  );
}
