import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDate, TIME_ZONE } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { agenda, canHost } from "@/lib/interviews/host-service";
import { addDays, formatLocalDate, isoWeekday, localDateOf, parseLocalDate, zonedToUtc } from "@/lib/clock/zone";
import { StatusTag } from "@/components/ui/status-tag";
import { titled } from "@/lib/i18n/page-title";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Agenda.title", { robots: { index: false } });

/** The official's (or interpreter's) interviews, by day or by week, in Tunis time. */
export default async function AgendaPage({ params, searchParams }: PageProps<"/[locale]/staff/agenda">) {
  const locale = await pageLocale(params);
  const self = localePath(locale, "/staff/agenda");
  const actor = await requirePageActor(locale, self);
  if (!canHost(actor)) notFound();
  const q = await searchParams;
  const t = await getTranslations({ locale, namespace: "Agenda" });
  const tb = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const today = localDateOf(await now(), TIME_ZONE);
  const view = q.view === "day" ? "day" : "week";
  const asked = typeof q.date === "string" ? parseLocalDate(q.date) : null;
  let first = asked ?? today;
  if (view === "week") first = addDays(first, 1 - isoWeekday(first));
  const days = view === "week" ? 7 : 1;
  const from = zonedToUtc(first, 0, TIME_ZONE);
  const to = zonedToUtc(addDays(first, days), 0, TIME_ZONE);
  const rows = await agenda({ actor, from, to });
  const nav = (d: number, v = view) => `${self}?view=${v}&date=${formatLocalDate(addDays(first, d))}`;
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = formatLocalDate(localDateOf(r.startsAt, TIME_ZONE));
    byDay.set(k, [...(byDay.get(k) ?? []), r]);
  }
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Link href={localePath(locale, "/staff/availability")} className="link">{t("availabilityLink")}</Link>
      </div>
      <nav aria-label={t("title")} className="mb-6 flex flex-wrap gap-3">
        <Link className="link inline-flex min-h-11 items-center" href={nav(-days)}>{t("previous")}</Link>
        <Link className="link inline-flex min-h-11 items-center" href={`${self}?view=${view}`}>{t("today")}</Link>
        <Link className="link inline-flex min-h-11 items-center" href={nav(days)}>{t("next")}</Link>
        <Link className="link inline-flex min-h-11 items-center" aria-current={view === "day" ? "page" : undefined} href={`${self}?view=day&date=${formatLocalDate(asked ?? today)}`}>{t("dayView")}</Link>
        <Link className="link inline-flex min-h-11 items-center" aria-current={view === "week" ? "page" : undefined} href={`${self}?view=week&date=${formatLocalDate(first)}`}>{t("weekView")}</Link>
      </nav>
      {Array.from({ length: days }, (_, i) => addDays(first, i)).map((d) => {
        const key = formatLocalDate(d);
        const list = byDay.get(key) ?? [];
        return (
          <section key={key} aria-labelledby={`d-${key}`} className="mb-6">
            <h2 id={`d-${key}`} className="mb-2 border-b-2 border-line text-xl font-bold">{formatDate(zonedToUtc(d, 12 * 60, TIME_ZONE), locale, "weekdayDate")}</h2>
            {list.length === 0 ? (
              <p className="text-muted">{t("empty")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {list.map((b) => (
                  <li key={b.id} className="border-2 border-line p-3">
                    <p className="flex flex-wrap items-center gap-2 font-semibold">
                      <Ltr nowrap>{formatDate(b.startsAt, locale, "time")}–{formatDate(b.endsAt, locale, "time")}</Ltr>
                      <Link href={localePath(locale, `/staff/agenda/${b.id}`)} className="link">{b.citizenName ? <UserText>{b.citizenName}</UserText> : <Ltr nowrap>{b.reference}</Ltr>}</Link>
                      <StatusTag tone={b.status === "cancelled" ? "red" : "grey"}>{tb(`status.${b.status}`)}</StatusTag>
                      {b.interpreterId ? <StatusTag tone="purple">{t("interpreter")}</StatusTag> : null}
                    </p>
                    <p>{ti(`topics.${b.topic}` as "topics.billing")} — <UserText className="text-muted">{b.subject.slice(0, 160)}</UserText></p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
