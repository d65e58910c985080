import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { isLocale, localePath, type Locale } from "@/lib/i18n/routing";
import { decodeSlot, encodeSlot, findSlots, nearestFreeSlots } from "@/lib/interviews/service";
import { interviewBodyIds, isInterviewBody, topicsOf } from "@/lib/interviews/topics";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { ActionForm } from "@/components/interviews/action-form";
import { SlotList } from "@/components/interviews/slot-list";
import { bookAction } from "../actions";

export const metadata: Metadata = { robots: { index: false } };

type Search = { body?: string; topic?: string; interpreter?: string; slot?: string; taken?: string; s?: string };

/**
 * Booking, one question per page (GET forms carry the answers in the address, so the back
 * button and a page without JavaScript both work): body → topic and interpreter → time →
 * subject, check and confirm.
 */
export default async function BookPage({ params, searchParams }: PageProps<"/[locale]/interviews/book">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const q = (await searchParams) as Search;
  const self = localePath(locale, "/interviews/book");
  await requirePageActor(locale, `${self}?${new URLSearchParams(q as Record<string, string>)}`);
  const t = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const ui = await getTranslations({ locale, namespace: "Ui" });

  const body = q.body && isInterviewBody(q.body) ? q.body : null;
  const topic = body && q.topic && topicsOf(body).includes(q.topic) ? q.topic : null;
  const interpreter = q.interpreter === "yes" || q.interpreter === "no" ? q.interpreter : null;
  const slot = q.slot ? decodeSlot(q.slot) : null;
  const link = (extra: Record<string, string>) => `${self}?${new URLSearchParams({ ...(body ? { body } : {}), ...(topic ? { topic } : {}), ...(interpreter ? { interpreter } : {}), ...extra })}`;

  // Step 1: the body.
  if (!body) {
    const error = q.s === "body" ? t("errors.bodyRequired") : undefined;
    return (
      <Step locale={locale} back={localePath(locale, "/interviews")} backLabel={t("back")} stepLabel={t("step", { current: 1, total: 4 })}>
        <form method="get" action={self} noValidate>
          <ErrorSummary title={t("errors.summaryTitle")} errors={error ? [{ href: "#body", message: error }] : []} />
          <input type="hidden" name="s" value="body" />
          <Radios id="body" name="body" label={t("bodyQuestion")} legendAsHeading error={error} errorPrefix={ui("errorPrefix")} options={interviewBodyIds.map((b) => ({ value: b, label: ti(`bodies.${b}`) }))} />
          <Button>{t("continue")}</Button>
        </form>
      </Step>
    );
  }

  // Step 2: the topic, and whether an interpreter is needed.
  if (!topic || !interpreter) {
    const submitted = q.s === "topic";
    const errors = [
      ...(submitted && !topic ? [{ href: "#topic", message: t("errors.topicRequired") }] : []),
      ...(submitted && !interpreter ? [{ href: "#interpreter", message: t("errors.interpreterRequired") }] : []),
    ];
    return (
      <Step locale={locale} back={self} backLabel={t("back")} stepLabel={t("step", { current: 2, total: 4 })}>
        <form method="get" action={self} noValidate>
          <ErrorSummary title={t("errors.summaryTitle")} errors={errors} />
          <p className="mb-2 text-muted">{ti(`bodies.${body}`)}</p>
          <input type="hidden" name="body" value={body} />
          <input type="hidden" name="s" value="topic" />
          <Radios id="topic" name="topic" label={t("topicQuestion")} legendAsHeading defaultValue={topic ?? undefined} error={submitted && !topic ? t("errors.topicRequired") : undefined} errorPrefix={ui("errorPrefix")} options={topicsOf(body).map((x) => ({ value: x, label: ti(`topics.${x}` as "topics.billing") }))} />
          <Radios id="interpreter" name="interpreter" label={t("interpreterQuestion")} hint={t("interpreterHint")} defaultValue={interpreter ?? undefined} error={submitted && !interpreter ? t("errors.interpreterRequired") : undefined} errorPrefix={ui("errorPrefix")} options={[{ value: "no", label: t("no") }, { value: "yes", label: t("yes") }]} />
          <Button>{t("continue")}</Button>
        </form>
      </Step>
    );
  }

  const needsInterpreter = interpreter === "yes";

  // Step 3: the time.
  if (!slot) {
    const taken = q.taken && /^\d{12,14}$/.test(q.taken) ? new Date(Number(q.taken)) : null;
    const all = await findSlots({ body, topic, needsInterpreter });
    const nearest = taken ? await nearestFreeSlots({ body, topic, needsInterpreter, around: taken, count: 3 }) : [];
    const minutes = all[0] ? Math.round((all[0].end.getTime() - all[0].start.getTime()) / 60000) : 30;
    return (
      <Step locale={locale} back={`${self}?${new URLSearchParams({ body })}`} backLabel={t("back")} stepLabel={t("step", { current: 3, total: 4 })}>
        {taken ? (
          <NotificationBanner title={t("takenTitle")} tone="warning">
            <p className="mb-3">{t("takenBody")}</p>
            <SlotList locale={locale} headingLevel={3} slots={nearest.map((s) => ({ start: s.start, href: link({ slot: encodeSlot(s) }) }))} />
          </NotificationBanner>
        ) : null}
        <h1 className="mb-2 text-3xl font-bold">{t("slotQuestion")}</h1>
        <p className="mb-6 text-muted">
          {ti(`bodies.${body}`)} — {ti(`topics.${topic}` as "topics.billing")}. {t("slotHint", { minutes })}
        </p>
        {all.length === 0 ? (
          <p className="border-s-4 border-warning ps-3">{needsInterpreter ? t("noSlotsInterpreter") : t("noSlots")}</p>
        ) : (
          <SlotList locale={locale} slots={all.slice(0, 60).map((s) => ({ start: s.start, href: link({ slot: encodeSlot(s) }) }))} />
        )}
      </Step>
    );
  }

  // Step 4: the subject, check the answers, confirm.
  const rows: [string, string, string][] = [
    [t("summaryBody"), ti(`bodies.${body}`), `${self}`],
    [t("summaryTopic"), ti(`topics.${topic}` as "topics.billing"), `${self}?${new URLSearchParams({ body })}`],
    [t("summaryInterpreter"), needsInterpreter ? t("yes") : t("no"), `${self}?${new URLSearchParams({ body, topic })}`],
    [t("summaryWhen"), `${formatDate(slot.start, locale, "dateLong")} — ${formatDate(slot.start, locale, "time")}`, link({})],
  ];
  return (
    <Step locale={locale} back={link({})} backLabel={t("back")} stepLabel={t("step", { current: 4, total: 4 })}>
      <h1 className="mb-6 text-3xl font-bold">{t("detailsTitle")}</h1>
      <dl className="mb-8 border-t-2 border-line">
        {rows.map(([k, v, href]) => (
          <div key={k} className="flex flex-wrap gap-x-4 border-b-2 border-line py-3">
            <dt className="w-48 font-semibold">{k}</dt>
            <dd className="flex-1">{v}</dd>
            <dd>
              <Link href={href} className="link">
                {t("change")} <span className="sr-only">{k}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <ActionForm
        action={bookAction}
        errorTitle={t("errors.summaryTitle")}
        errorPrefix={ui("errorPrefix")}
        submit={t("confirm")}
        fields={[
          { kind: "hidden", name: "body", value: body },
          { kind: "hidden", name: "topic", value: topic },
          { kind: "hidden", name: "interpreter", value: interpreter },
          { kind: "hidden", name: "slot", value: encodeSlot(slot) },
          { kind: "hidden", name: "idempotencyKey", value: crypto.randomUUID() },
          { kind: "textarea", name: "subject", label: t("subjectLabel"), hint: t("subjectHint"), maxLength: 1000 },
          { kind: "checkboxes", name: "reminders", label: t("remindersLabel"), hint: t("remindersHint"), options: [{ value: "sms", label: t("reminderSms") }, { value: "push", label: t("reminderPush") }], defaultValue: ["sms"] },
        ]}
      />
    </Step>
  );
}

function Step({ back, backLabel, stepLabel, children }: { locale: Locale; back: string; backLabel: string; stepLabel: string; children: React.ReactNode }) {
  return (
    <div className="max-w-3xl">
      <Link href={back} className="link mb-4 inline-block">
        {backLabel}
      </Link>
      <p className="mb-1 text-muted">{stepLabel}</p>
      {children}
    </div>
  );
}
