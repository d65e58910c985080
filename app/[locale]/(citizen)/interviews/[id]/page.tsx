import Link from "next/link";
import { RateService } from "@/components/statistics/rate-service";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { policy } from "@/lib/interviews/policy";
import { bookingFiles, viewBooking } from "@/lib/interviews/service";
import { BookingFiles } from "@/components/interviews/booking-files";
import { LinkButton } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { StatusTag } from "@/components/ui/status-tag";
import { titled } from "@/lib/i18n/page-title";
import { UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const generateMetadata = titled("Titles.interview", { robots: { index: false } });

/** A booking as its citizen (or interpreter) sees it: confirmation, calendar, call, changes, outcome. */
export default async function BookingPage({ params, searchParams }: PageProps<"/[locale]/interviews/[id]">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/interviews/${id}`));
  const view = await viewBooking({ actor, bookingId: id });
  if (!view) notFound();
  const q = await searchParams;
  const t = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const b = view.booking;

  if (b.status === "rescheduled") {
    return (
      <div className="max-w-3xl">
        <h1 className="mb-4 text-3xl font-bold">{t("movedTitle")}</h1>
        <p className="mb-6">{t("movedBody")}</p>
        {view.role === "citizen" && b.rescheduledToId ? <LinkButton href={localePath(locale, `/interviews/${b.rescheduledToId}`)}>{t("openNew")}</LinkButton> : null}
      </div>
    );
  }

  const when = `${formatDate(b.startsAt, locale, "dateLong")} — ${formatDate(b.startsAt, locale, "time")}`;
  const official = `${view.official.name ?? ""}${view.official.level ? ` (${ti(`levels.${view.official.level}`)})` : ""}`;
  return (
    <div className="max-w-3xl">
      {q.booked || q.moved ? (
        <NotificationBanner title={t("confirmedTitle")} tone="success">
          <p>
            {t("referenceLabel")}: <strong><bdi dir="ltr">{b.reference}</bdi></strong>
          </p>
          <p>{when}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="mb-2 text-3xl font-bold">{ti(`bodies.${b.bodyId}` as "bodies.steg")} — {ti(`topics.${b.topic}` as "topics.billing")}</h1>
      <ExplainThisPage locale={locale} step="interview.booked" />
      <p className="mb-6 flex flex-wrap items-center gap-2">
        <bdi dir="ltr" data-print-large>{b.reference}</bdi> <StatusTag tone={b.status === "cancelled" ? "red" : b.status === "confirmed" ? "green" : "grey"}>{t(`status.${b.status}`)}</StatusTag>
      </p>

      <dl className="mb-6 border-t-2 border-line">
        <Row k={t("whenLabel")} v={when} />
        <Row k={t("withLabel")} v={[official, view.interpreter ? `${view.interpreter.name ?? ""} — ${t("summaryInterpreter")}` : null].filter(Boolean).join(" · ")} />
        <Row k={t("subjectShown")} v={b.subject} />
      </dl>
      <BookingFiles bookingId={b.id} files={(await bookingFiles({ actor, bookingId: b.id })) ?? []} heading={view.role === "citizen" ? t("filesYours") : t("filesTitle")} />

      {b.status === "cancelled" ? (
        <NotificationBanner title={t("cancelledTitle")} tone="warning">
          <p className="mb-3">{b.cancelledById === b.officialId ? t("cancelledBy", { reason: b.cancelReason ?? "" }) : t("cancelledByYou", { reason: b.cancelReason ?? "" })}</p>
          {view.role === "citizen" ? (
            <LinkButton href={`${localePath(locale, "/interviews/book")}?${new URLSearchParams({ body: b.bodyId, topic: b.topic, interpreter: b.needsInterpreter ? "yes" : "no" })}`}>{t("rebookOffer")}</LinkButton>
          ) : null}
        </NotificationBanner>
      ) : null}

      {b.outcome ? (
        <section aria-labelledby="outcome" className="mb-6 border-s-4 border-brand bg-canvas p-4">
          <h2 id="outcome" className="mb-2 text-xl font-bold">{t("outcomeTitle")}</h2>
          <UserText as="p" className="whitespace-pre-line">{b.outcome}</UserText>
          {b.caseReference ? (
            <p className="mt-2">
              {t("caseLinked", { reference: b.caseReference })}{" "}
              {view.role === "citizen" ? (
                <Link href={localePath(locale, `/my/cases/${b.caseReference}`)} className="link">
                  {t("caseFollow")}
                </Link>
              ) : null}
            </p>
          ) : null}
        </section>
      ) : null}
      {b.status === "noShow" ? <p className="mb-6">{t("noShowNote")}</p> : null}

      {b.status === "confirmed" || b.status === "completed" ? (
        <div className="mb-6 flex flex-col gap-3">
          {view.room === "open" ? (
            <LinkButton href={localePath(locale, `/interviews/${b.id}/call`)}>{t("joinCall")}</LinkButton>
          ) : view.room === "notYet" ? (
            <p>{t("joinOpensAt", { time: `${formatDate(view.opensAt, locale, "dateLong")} ${formatDate(view.opensAt, locale, "time")}` })}</p>
          ) : (
            <p>{t("roomClosed")}</p>
          )}
          {b.status === "confirmed" ? (
            <p>
              <a href={`/api/interviews/${b.id}/ics?locale=${locale}`} className="link" download>
                {t("addToCalendar")}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}

      {view.role === "citizen" ? <RateService locale={locale} subject="interview" subjectId={b.id} userId={actor.userId} /> : null}

      {view.canChange ? (
        <section className="flex flex-col gap-2">
          <p className="text-muted">{t("cutoffNote", { hours: Math.round(policy().changeCutoffMinutes / 60) })}</p>
          <div className="flex flex-wrap gap-3">
            <LinkButton variant="secondary" href={localePath(locale, `/interviews/${b.id}/reschedule`)}>{t("reschedule")}</LinkButton>
            <LinkButton variant="secondary" href={localePath(locale, `/interviews/${b.id}/cancel`)}>{t("cancel")}</LinkButton>
          </div>
        </section>
      ) : null}
      <p className="mt-8">
        <Link href={localePath(locale, "/interviews")} className="link">{ti("mineTitle")}</Link>
      </p>
    </div>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div className="flex flex-wrap gap-x-4 border-b-2 border-line py-3">
      <dt className="w-40 font-semibold">{k}</dt>
      <dd className="flex-1 whitespace-pre-line">{v}</dd>
    </div>
  );
}
