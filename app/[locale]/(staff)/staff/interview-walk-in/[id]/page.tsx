import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate, formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { walkInBookingView } from "@/lib/interviews/walk-in-service";
import { ActionForm } from "@/components/interviews/action-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/button";
import { confirmWalkInBookingAction, releaseWalkInBookingAction } from "../actions";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("Titles.interviewWalkInItem", { robots: { index: false, follow: false } });

/** A walk-in booking, for the agent who made it: the citizen's code, then the reference. */
export default async function InterviewWalkInBookingPage({ params }: PageProps<"/[locale]/staff/interview-walk-in/[id]">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const start = localePath(locale, "/staff/interview-walk-in");
  const actor = await requirePageActor(locale, localePath(locale, `/staff/interview-walk-in/${id}`), { roles: ["agent"] });
  const view = await walkInBookingView({ actor, bookingId: id });
  if (!view) notFound();
  const t = await getTranslations({ locale, namespace: "InterviewWalkIn" });
  const tb = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const tw = await getTranslations({ locale, namespace: "WalkIn" });
  const tq = await getTranslations({ locale, namespace: "StaffQueue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const b = view.booking;
  const phone = <bdi dir="ltr">{formatPhone(view.citizenPhone)}</bdi>;
  const when = `${formatDate(b.startsAt, locale, "dateLong")} — ${formatDate(b.startsAt, locale, "time")}`;
  const waiting = b.status === "pendingCode" && !view.expired;
  const confirmed = b.status === "confirmed" || b.status === "completed";
  const title = confirmed ? t("confirmedTitle") : waiting ? tw("steps.awaitingCode") : tw("steps.expired");
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: tq("title") }, { href: start, text: t("title") }, { text: title }]} />
      <h1 className="mb-4 text-3xl font-bold">{title}</h1>
      <p className="mb-6 text-lg">
        {ti(`bodies.${b.bodyId}` as "bodies.steg")} — {ti(`topics.${b.topic}` as "topics.billing")} — {when}
      </p>
      {waiting ? (
        <div className="max-w-xl">
          <p className="mb-6 text-lg">{t.rich("held", { phone: () => phone, time: b.walkInCodeExpiresAt ? formatDate(b.walkInCodeExpiresAt, locale, "time") : "" })}</p>
          <ActionForm
            action={confirmWalkInBookingAction}
            errorTitle={tb("errors.summaryTitle")}
            errorPrefix={ui("errorPrefix")}
            submit={t("confirm")}
            fields={[
              { kind: "hidden", name: "bookingId", value: b.id },
              { kind: "text", name: "code", label: tw("codeLabel"), hint: tw("codeHint"), width: "max-w-40" },
            ]}
          />
          <div className="mt-8">
            <ActionForm action={releaseWalkInBookingAction} errorTitle={tb("errors.summaryTitle")} errorPrefix={ui("errorPrefix")} submit={t("release")} variant="warning" fields={[{ kind: "hidden", name: "bookingId", value: b.id }]} />
          </div>
        </div>
      ) : confirmed ? (
        <div role="status" className="mb-8 max-w-2xl border-s-4 border-success ps-4">
          <p className="mb-2 text-lg">{t.rich("confirmedBody", { ref: () => <strong><bdi dir="ltr">{b.reference}</bdi></strong>, phone: () => phone })}</p>
        </div>
      ) : (
        <p className="mb-6 max-w-2xl border-s-4 border-warning ps-3">{t("expired")}</p>
      )}
      {waiting ? null : <LinkButton href={start}>{t("another")}</LinkButton>}
    </>
  );
}
