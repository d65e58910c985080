import Link from "next/link";
import { formatDate, TIME_ZONE } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

export type SlotLink = { start: Date; href: string };

/** Free times grouped by day (Tunis time), the next days first; each time is a link (44 px). */
export function SlotList({ slots, locale, headingLevel = 2 }: { slots: SlotLink[]; locale: Locale; headingLevel?: 2 | 3 }) {
  const days = new Map<string, SlotLink[]>();
  const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
  for (const s of slots) {
    const key = dayKey.format(s.start);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col gap-6">
      {[...days.entries()].map(([key, list]) => (
        <section key={key} aria-labelledby={`day-${key}`}>
          <H id={`day-${key}`} className="mb-2 text-xl font-bold">
            {formatDate(list[0]!.start, locale, "weekdayDate")}
          </H>
          <ul className="flex flex-wrap gap-2">
            {list.map((s) => (
              <li key={s.href}>
                <Link
                  href={s.href}
                  className="inline-flex min-h-11 min-w-20 items-center justify-center border-2 border-brand px-3 font-semibold text-brand no-underline hover:bg-brand hover:text-white"
                  aria-label={formatDate(s.start, locale, "dateLong") + " " + formatDate(s.start, locale, "time")}
                >
                  <bdi>{formatDate(s.start, locale, "time")}</bdi>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
