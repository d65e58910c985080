import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/** The bills of a checkout or a payment, as a list a screen reader reads in order. */
export type BillLine = { payee: string; reference: string; customer: string; period: string | null; dueDate: string | null; amountMillimes: number };

export function BillLines({
  locale,
  lines,
  labels,
}: {
  locale: Locale;
  lines: BillLine[];
  labels: { biller: (payee: string) => string; bill: (reference: string) => string; customer: string; period: string; periodValue: (from: string, to: string) => string; due: string; amount: string };
}) {
  return (
    <ul className="mb-6 flex flex-col gap-4">
      {lines.map((l) => {
        const [from, to] = (l.period ?? "").split("/");
        return (
          <li key={`${l.payee}:${l.reference}`} className="border-s-4 border-line ps-4">
            <h3 className="text-lg font-bold">
              {labels.biller(l.payee)} — <bdi>{labels.bill(l.reference)}</bdi>
            </h3>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1">
              <dt className="text-muted">{labels.customer}</dt>
              <dd>
                <bdi>{l.customer}</bdi>
              </dd>
              {from && to ? (
                <>
                  <dt className="text-muted">{labels.period}</dt>
                  <dd>{labels.periodValue(formatDate(`${from}T12:00:00Z`, locale), formatDate(`${to}T12:00:00Z`, locale))}</dd>
                </>
              ) : null}
              {l.dueDate ? (
                <>
                  <dt className="text-muted">{labels.due}</dt>
                  <dd>{formatDate(`${l.dueDate}T12:00:00Z`, locale)}</dd>
                </>
              ) : null}
              <dt className="text-muted">{labels.amount}</dt>
              <dd className="font-semibold">{formatMoney(l.amountMillimes, locale)}</dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
