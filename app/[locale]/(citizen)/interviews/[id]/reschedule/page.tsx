import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { decodeSlot, encodeSlot, findSlots, nearestFreeSlots, viewBooking } from "@/lib/interviews/service";
import { ActionForm } from "@/components/interviews/action-form";
import { SlotList } from "@/components/interviews/slot-list";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { rescheduleAction } from "../../actions";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Booking.rescheduleTitle", { robots: { index: false } });

export default async function ReschedulePage({ params, searchParams }: PageProps<"/[locale]/interviews/[id]/reschedule">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const self = localePath(locale, `/interviews/${id}/reschedule`);
  const actor = await requirePageActor(locale, self);
  const view = await viewBooking({ actor, bookingId: id });
  if (!view || view.role !== "citizen") notFound();
  const q = await searchParams;
  const t = await getTranslations({ locale, namespace: "Booking" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const b = view.booking;
  const back = localePath(locale, `/interviews/${id}`);
  if (!view.canChange) {
    return (
      <div className="max-w-3xl">
        <h1 className="mb-4 text-3xl font-bold">{t("rescheduleTitle")}</h1>
        <p className="border-s-4 border-warning ps-3">{b.status === "confirmed" ? t("refusals.pastCutoff") : t("refusals.notActive")}</p>
        <Link href={back} className="link mt-4 inline-block">{t("back")}</Link>
      </div>
    );
  }
  const slot = typeof q.slot === "string" ? decodeSlot(q.slot) : null;
  if (slot) {
    return (
      <div className="max-w-3xl">
        <Link href={self} className="link mb-4 inline-block">{t("back")}</Link>
        <h1 className="mb-4 text-3xl font-bold">{t("rescheduleTitle")}</h1>
        <p className="mb-6 text-xl">{formatDate(slot.start, locale, "dateLong")} — <bdi>{formatDate(slot.start, locale, "time")}</bdi></p>
        <ActionForm
          action={rescheduleAction}
          errorTitle={t("errors.summaryTitle")}
          errorPrefix={ui("errorPrefix")}
          submit={t("rescheduleConfirm")}
          fields={[
            { kind: "hidden", name: "bookingId", value: id },
            { kind: "hidden", name: "slot", value: encodeSlot(slot) },
            { kind: "textarea", name: "reason", label: t("rescheduleReasonLabel"), hint: t("rescheduleReasonHint"), maxLength: 500 },
          ]}
        />
      </div>
    );
  }
  const criteria = { body: b.bodyId, topic: b.topic, needsInterpreter: b.needsInterpreter };
  const taken = typeof q.taken === "string" && /^\d{12,14}$/.test(q.taken) ? new Date(Number(q.taken)) : null;
  const all = await findSlots(criteria);
  const nearest = taken ? await nearestFreeSlots({ ...criteria, around: taken, count: 3 }) : [];
  const href = (s: Parameters<typeof encodeSlot>[0]) => `${self}?${new URLSearchParams({ slot: encodeSlot(s) })}`;
  return (
    <div className="max-w-3xl">
      <Link href={back} className="link mb-4 inline-block">{t("back")}</Link>
      {taken ? (
        <NotificationBanner title={t("takenTitle")} tone="warning">
          <p className="mb-3">{t("takenBody")}</p>
          <SlotList locale={locale} headingLevel={3} slots={nearest.map((s) => ({ start: s.start, href: href(s) }))} />
        </NotificationBanner>
      ) : null}
      <h1 className="mb-2 text-3xl font-bold">{t("rescheduleTitle")}</h1>
      <p className="mb-6 text-muted">{t("rescheduleHint")}</p>
      {all.length === 0 ? <p>{b.needsInterpreter ? t("noSlotsInterpreter") : t("noSlots")}</p> : <SlotList locale={locale} slots={all.slice(0, 60).map((s) => ({ start: s.start, href: href(s) }))} />}
    </div>
  );
}
