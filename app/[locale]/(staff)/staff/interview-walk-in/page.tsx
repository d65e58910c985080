import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { WALK_IN_HOLD_MINUTES } from "@/lib/interviews/walk-in-booking";
import { decodeSlot, encodeSlot, findSlots, nearestFreeSlots } from "@/lib/interviews/service";
import { interviewBodyIds, isInterviewBody, topicsOf } from "@/lib/interviews/topics";
import { ActionForm } from "@/components/interviews/action-form";
import { SlotList } from "@/components/interviews/slot-list";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios } from "@/components/ui/field";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { holdWalkInBookingAction } from "./actions";
import { titled } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("InterviewWalkIn.title", { robots: { index: false, follow: false } });

type Search = { body?: string; topic?: string; interpreter?: string; slot?: string; taken?: string; s?: string };

/**
 * An agent books an interview for the citizen at the counter, with them: body → topic and
 * interpreter → time (GET steps, as the citizen's booking) → the citizen's phone and subject,
 * which holds the time and sends the code (the phone is posted, never put in the address).
 */
export default async function InterviewWalkInPage({ params, searchParams }: PageProps<"/[locale]/staff/interview-walk-in">) {
  const locale = await pageLocale(params);
  const self = localePath(locale, "/staff/interview-walk-in");
  await requirePageActor(locale, self, { roles: ["agent"] });
  const q = (await searchParams) as Search;
  const t = await getTranslations({ locale, namespace: "InterviewWalkIn" });
  const tb = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });
  const tw = await getTranslations({ locale, namespace: "WalkIn" });
  const tq = await getTranslations({ locale, namespace: "StaffQueue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });

  const body = q.body && isInterviewBody(q.body) ? q.body : null;
  const topic = body && q.topic && topicsOf(body).includes(q.topic) ? q.topic : null;
  const interpreter = q.interpreter === "yes" || q.interpreter === "no" ? q.interpreter : null;
  const slot = q.slot ? decodeSlot(q.slot) : null;
  const link = (extra: Record<string, string>) => `${self}?${new URLSearchParams({ ...(body ? { body } : {}), ...(topic ? { topic } : {}), ...(interpreter ? { interpreter } : {}), ...extra })}`;

  let content: React.ReactNode;
  if (!body) {
    const error = q.s === "body" ? tb("errors.bodyRequired") : undefined;
    content = (
      <form method="get" action={self} noValidate className="max-w-2xl">
        <ErrorSummary title={tb("errors.summaryTitle")} errors={error ? [{ href: "#body", message: error }] : []} />
        <input type="hidden" name="s" value="body" />
        <Radios id="body" name="body" label={tb("bodyQuestion")} error={error} errorPrefix={ui("errorPrefix")} options={interviewBodyIds.map((b) => ({ value: b, label: ti(`bodies.${b}`) }))} />
        <Button>{tb("continue")}</Button>
      </form>
    );
  } else if (!topic || !interpreter) {
    const submitted = q.s === "topic";
    const errors = [
      ...(submitted && !topic ? [{ href: "#topic", message: tb("errors.topicRequired") }] : []),
      ...(submitted && !interpreter ? [{ href: "#interpreter", message: tb("errors.interpreterRequired") }] : []),
    ];
    content = (
      <form method="get" action={self} noValidate className="max-w-2xl">
        <ErrorSummary title={tb("errors.summaryTitle")} errors={errors} />
        <p className="mb-2 text-muted">{ti(`bodies.${body}`)}</p>
        <input type="hidden" name="body" value={body} />
        <input type="hidden" name="s" value="topic" />
        <Radios id="topic" name="topic" label={tb("topicQuestion")} defaultValue={topic ?? undefined} error={submitted && !topic ? tb("errors.topicRequired") : undefined} errorPrefix={ui("errorPrefix")} options={topicsOf(body).map((x) => ({ value: x, label: ti(`topics.${x}` as "topics.billing") }))} />
        <Radios id="interpreter" name="interpreter" label={tb("interpreterQuestion")} defaultValue={interpreter ?? undefined} error={submitted && !interpreter ? tb("errors.interpreterRequired") : undefined} errorPrefix={ui("errorPrefix")} options={[{ value: "no", label: tb("no") }, { value: "yes", label: tb("yes") }]} />
        <Button>{tb("continue")}</Button>
      </form>
    );
  } else if (!slot) {
    const needsInterpreter = interpreter === "yes";
    const taken = q.taken && /^\d{12,14}$/.test(q.taken) ? new Date(Number(q.taken)) : null;
    const all = await findSlots({ body, topic, needsInterpreter });
    const nearest = taken ? await nearestFreeSlots({ body, topic, needsInterpreter, around: taken, count: 3 }) : [];
    content = (
      <>
        {taken ? (
          <NotificationBanner title={tb("takenTitle")} tone="warning">
            <SlotList locale={locale} headingLevel={3} slots={nearest.map((s) => ({ start: s.start, href: link({ slot: encodeSlot(s) }) }))} />
          </NotificationBanner>
        ) : null}
        <h2 className="mb-2 text-2xl font-bold">{tb("slotQuestion")}</h2>
        <p className="mb-6 text-muted">
          {ti(`bodies.${body}`)} — {ti(`topics.${topic}` as "topics.billing")}
        </p>
        {all.length === 0 ? (
          <p className="border-s-4 border-warning ps-3">{needsInterpreter ? tb("noSlotsInterpreter") : tb("noSlots")}</p>
        ) : (
          <SlotList locale={locale} slots={all.slice(0, 60).map((s) => ({ start: s.start, href: link({ slot: encodeSlot(s) }) }))} />
        )}
      </>
    );
  } else {
    content = (
      <div className="max-w-2xl">
        <dl className="mb-6 border-t-2 border-line">
          {[
            [tb("summaryBody"), ti(`bodies.${body}`), `${self}`],
            [tb("summaryTopic"), ti(`topics.${topic}` as "topics.billing"), `${self}?${new URLSearchParams({ body })}`],
            [tb("summaryInterpreter"), interpreter === "yes" ? tb("yes") : tb("no"), `${self}?${new URLSearchParams({ body })}`],
            [tb("summaryWhen"), `${formatDate(slot.start, locale, "dateLong")} — ${formatDate(slot.start, locale, "time")}`, link({})],
          ].map(([k, v, href]) => (
            <div key={k} className="flex flex-wrap gap-x-4 border-b-2 border-line py-3">
              <dt className="w-48 font-semibold">{k}</dt>
              <dd className="flex-1">{v}</dd>
              <dd>
                <a href={href} className="link">
                  {tb("change")} <span className="sr-only">{k}</span>
                </a>
              </dd>
            </div>
          ))}
        </dl>
        <ActionForm
          action={holdWalkInBookingAction}
          errorTitle={tb("errors.summaryTitle")}
          errorPrefix={ui("errorPrefix")}
          submit={t("hold")}
          fields={[
            { kind: "hidden", name: "body", value: body },
            { kind: "hidden", name: "topic", value: topic },
            { kind: "hidden", name: "interpreter", value: interpreter },
            { kind: "hidden", name: "slot", value: encodeSlot(slot) },
            { kind: "hidden", name: "idempotencyKey", value: crypto.randomUUID() },
            { kind: "tel", name: "phone", label: tw("phoneLabel"), hint: tw("phoneHint"), width: "max-w-xs" },
            { kind: "textarea", name: "subject", label: t("subjectLabel"), hint: t("subjectHint"), maxLength: 1000 },
          ]}
        />
      </div>
    );
  }
  return (
    <>
      <Breadcrumbs label={ui("breadcrumbs")} items={[{ href: localePath(locale, "/staff"), text: tq("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead", { minutes: WALK_IN_HOLD_MINUTES })}</p>
      {content}
    </>
  );
}
