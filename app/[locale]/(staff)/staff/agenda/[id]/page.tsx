import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate, formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { bookingFiles, viewBooking } from "@/lib/interviews/service";
import { BookingFiles } from "@/components/interviews/booking-files";
import { ActionForm } from "@/components/interviews/action-form";
import { LinkButton } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { StatusTag } from "@/components/ui/status-tag";
import { noShowAction, officialCancelAction, openCaseAction, outcomeAction } from "../actions";
import { titled } from "@/lib/i18n/page-title";
import { Ltr, UserText } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";

export const generateMetadata = titled("Titles.agendaItem", { robots: { index: false } });

/** One interview, for its official: subject, call, cancel, no-show, outcome. */
export default async function AgendaBookingPage({ params, searchParams }: PageProps<"/[locale]/staff/agenda/[id]">) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/staff/agenda/${id}`));
  const view = await viewBooking({ actor, bookingId: id });
  if (!view || (view.role !== "official" && view.role !== "interpreter")) notFound();
  const q = await searchParams;
  const t = await getTranslations({ locale, namespace: "Agenda" });
  const tb = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const b = view.booking;
  const done = typeof q.done === "string" ? ({ cancelled: t("cancelled"), noShow: t("recordedNoShow"), outcome: t("outcomeSaved"), caseOpened: t("caseOpened") } as Record<string, string>)[q.done] : undefined;
  return (
    <div className="max-w-3xl">
      <Link href={localePath(locale, "/staff/agenda")} className="link mb-4 inline-block">{t("title")}</Link>
      {done ? <NotificationBanner title={done} tone="success"><p>{done}</p></NotificationBanner> : null}
      <h1 className="mb-2 text-3xl font-bold">{t("detailTitle", { reference: b.reference })}</h1>
      <p className="mb-4 flex flex-wrap items-center gap-2">
        <span>{formatDate(b.startsAt, locale, "dateLong")} <Ltr nowrap>{formatDate(b.startsAt, locale, "time")}</Ltr></span>
        <StatusTag>{tb(`status.${b.status}`)}</StatusTag>
      </p>
      <dl className="mb-6 border-t-2 border-line">
        {[
          // The name is the citizen's own text, the number a left-to-right run: a bidi control in
          // the name cannot turn "+216 21 000 101" around (components/ui/user-text.tsx).
          [t("citizen"), <>{view.citizen.name ? <><UserText>{view.citizen.name}</UserText> — </> : null}<Ltr nowrap>{formatPhone(view.citizen.phone)}</Ltr></>],
          [t("topic"), `${ti(`bodies.${b.bodyId}` as "bodies.steg")} — ${ti(`topics.${b.topic}` as "topics.billing")}`],
          ...(view.interpreter ? [[t("interpreter"), <UserText key="i">{view.interpreter.name ?? ""}</UserText>]] : []),
          [t("subject"), <UserText key="s">{b.subject}</UserText>],
        ].map(([k, v]) => (
          <div key={String(k)} className="flex flex-wrap gap-x-4 border-b-2 border-line py-3">
            <dt className="w-40 font-semibold">{k}</dt>
            <dd className="flex-1 whitespace-pre-line">{v}</dd>
          </div>
        ))}
      </dl>
      <BookingFiles bookingId={b.id} files={(await bookingFiles({ actor, bookingId: b.id })) ?? []} heading={tb("filesTitle")} />
      {view.room === "open" ? <LinkButton href={localePath(locale, `/interviews/${b.id}/call`)} className="mb-8">{t("join")}</LinkButton> : null}

      {view.role === "official" && view.canOutcome ? (
        <section aria-labelledby="outcome-title" className="mb-8">
          <h2 id="outcome-title" className="mb-3 text-2xl font-bold">{t("outcomeTitle")}</h2>
          <ActionForm
            action={outcomeAction}
            errorTitle={tb("errors.summaryTitle")}
            errorPrefix={ui("errorPrefix")}
            submit={t("outcomeSave")}
            fields={[
              { kind: "hidden", name: "bookingId", value: b.id },
              { kind: "textarea", name: "outcome", label: t("outcomeLabel"), hint: t("outcomeHint"), defaultValue: b.outcome ?? "", maxLength: 2000 },
            ]}
          />
        </section>
      ) : null}

      {b.caseReference ? (
        <p className="mb-8">
          {t("caseLinked", { reference: b.caseReference })}{" "}
          <Link href={localePath(locale, `/staff/cases/${b.caseReference}`)} className="link">
            <Ltr nowrap>{b.caseReference}</Ltr>
          </Link>
        </p>
      ) : view.role === "official" && b.status === "completed" && b.outcome ? (
        <section aria-labelledby="open-case-title" className="mb-8">
          <h2 id="open-case-title" className="mb-1 text-2xl font-bold">{t("openCase")}</h2>
          <p className="mb-3 text-muted">{t("openCaseHint")}</p>
          <ActionForm
            action={openCaseAction}
            errorTitle={tb("errors.summaryTitle")}
            errorPrefix={ui("errorPrefix")}
            submit={t("openCase")}
            fields={[{ kind: "hidden", name: "bookingId", value: b.id }]}
          />
        </section>
      ) : null}

      {view.role === "official" && view.canNoShow ? (
        <section className="mb-8">
          <ActionForm action={noShowAction} errorTitle={tb("errors.summaryTitle")} errorPrefix={ui("errorPrefix")} submit={t("noShow")} fields={[{ kind: "hidden", name: "bookingId", value: b.id }]} />
        </section>
      ) : null}

      {view.role === "official" && view.canOfficialCancel && b.status === "confirmed" ? (
        <section aria-labelledby="cancel-title" className="mb-8">
          <h2 id="cancel-title" className="mb-1 text-2xl font-bold">{t("cancelTitle")}</h2>
          <p className="mb-3 text-muted">{t("cancelHint")}</p>
          <ActionForm
            action={officialCancelAction}
            errorTitle={tb("errors.summaryTitle")}
            errorPrefix={ui("errorPrefix")}
            submit={t("cancelConfirm")}
            variant="warning"
            fields={[
              { kind: "hidden", name: "bookingId", value: b.id },
              { kind: "textarea", name: "reason", label: t("cancelReason"), maxLength: 500 },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
