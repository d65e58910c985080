import type { RequiredDocument } from "@/lib/catalogue/schema";
import { localized } from "@/lib/i18n/content";
import type { Locale } from "@/lib/i18n/routing";

export type DocumentLabels = {
  forms: Record<RequiredDocument["form"], string>;
  quantity: (count: number) => string;
  validity: string;
  obtainFrom: string;
  onlyIf: string;
};

/**
 * The documents of a procedure with everything a citizen needs to get them right: original or
 * copy, how many, how recent, where to get them. With `checkboxes`, a printable checklist
 * (native checkboxes: they tick without JavaScript and print as boxes).
 */
export function DocumentList({ locale, documents, labels, checkboxes = false, idPrefix = "doc" }: {
  locale: Locale;
  documents: RequiredDocument[];
  labels: DocumentLabels;
  checkboxes?: boolean;
  idPrefix?: string;
}) {
  return (
    <ul className="flex flex-col gap-3">
      {documents.map((d) => {
        const id = `${idPrefix}-${d.id}`;
        const name = localized(d.name, locale);
        const facts = [labels.forms[d.form], d.count > 1 ? labels.quantity(d.count) : null].filter(Boolean).join(" · ");
        const details = (
          <>
            <span className="block text-muted">{facts}</span>
            {d.onlyIf || d.validity || d.obtainFrom || d.note ? (
              <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[max-content_1fr]">
                {d.onlyIf ? (<><dt className="font-semibold">{labels.onlyIf}</dt><dd>{localized(d.onlyIf, locale)}</dd></>) : null}
                {d.validity ? (<><dt className="font-semibold">{labels.validity}</dt><dd>{localized(d.validity, locale)}</dd></>) : null}
                {d.obtainFrom ? (<><dt className="font-semibold">{labels.obtainFrom}</dt><dd>{localized(d.obtainFrom, locale)}</dd></>) : null}
                {d.note ? (<><dt className="sr-only">—</dt><dd className="sm:col-span-2">{localized(d.note, locale)}</dd></>) : null}
              </dl>
            ) : null}
          </>
        );
        return (
          <li key={d.id} className="border-s-4 border-brand ps-3 break-inside-avoid">
            {checkboxes ? (
              <div className="flex items-start gap-3">
                <input id={id} type="checkbox" className="mt-1 size-7 shrink-0 accent-brand" aria-describedby={`${id}-details`} />
                <div>
                  <label htmlFor={id} className="block min-h-8 py-0.5 font-bold">{name}</label>
                  <div id={`${id}-details`}>{details}</div>
                </div>
              </div>
            ) : (
              <>
                <span className="block font-bold">{name}</span>
                {details}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
