import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { viewBooking } from "@/lib/interviews/service";
import { CallRoom } from "@/components/calls/call-room";
import { callLabelKeys, type CallLabels } from "@/components/calls/call-labels";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Call.title", { robots: { index: false } });
export const dynamic = "force-dynamic";

/** The video call of one booking: only its participants, only in its window. */
export default async function CallPage({ params }: PageProps<"/[locale]/interviews/[id]/call">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/interviews/${id}/call`));
  const view = await viewBooking({ actor, bookingId: id });
  // Someone not on the booking gets the same answer as for a booking that does not exist.
  if (!view) notFound();
  const t = await getTranslations({ locale, namespace: "Call" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const b = view.booking;
  const back = view.role === "official" ? localePath(locale, `/staff/agenda/${b.id}`) : localePath(locale, `/interviews/${b.id}`);
  const labels = Object.fromEntries(callLabelKeys.map((k) => [k, t(k)])) as CallLabels;
  return (
    <div className="max-w-5xl">
      <Link href={back} className="link mb-4 inline-block">
        {view.role === "official" ? t("outcomeLink") : t("backToBooking")}
      </Link>
      <h1 className="mb-1 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-muted">
        {ti(`bodies.${b.bodyId}` as "bodies.steg")} — {formatDate(b.startsAt, locale, "dateLong")} <bdi>{formatDate(b.startsAt, locale, "time")}</bdi> — <bdi dir="ltr">{b.reference}</bdi>
      </p>
      {view.room === "open" ? (
        <CallRoom api={`/api/interviews/${b.id}`} role={view.role} userId={actor.userId} hasInterpreter={b.interpreterId !== null} labels={labels} />
      ) : (
        <p className="border-s-4 border-warning ps-3 font-semibold">{t(`room.${view.room}`)}</p>
      )}
    </div>
  );
}
