import { LessonLink } from "@/components/learning/lesson-link";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { isLocale, localePath, type Locale } from "@/lib/i18n/routing";
import { acceptAttribute, UPLOAD_LIMITS } from "@/lib/documents/uploads";
import { isDraftKey } from "@/lib/interviews/drafts";
import { bookingDraft, bookingOfKey, decodeSlot, encodeSlot, findSlots, nearestFreeSlots } from "@/lib/interviews/service";
import { interviewBodyIds, isInterviewBody, topicsOf } from "@/lib/interviews/topics";
import { Form, StepForm } from "@/components/forms/form";
import { Checkboxes, FileInput, Radios, Submit, TextArea } from "@/components/forms/fields";
import { CheckAnswers, type CheckAnswer } from "@/components/ui/check-answers";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { SlotList } from "@/components/interviews/slot-list";
import { bookAction, reviewBookingAction } from "@/lib/interviews/actions/citizen";
import { withErrorPrefix } from "@/lib/i18n/page-title";
import type { Metadata } from "next";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";
import type { StepKey } from "@/lib/assisted/guidance-steps";

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/interviews/book">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const q = (await searchParams) as Search;
  const t = await getTranslations({ locale, namespace: "Titles" });
  // The first two steps are plain GET forms: a step sent back unanswered starts the title with "Error:".
  const body = q.body && isInterviewBody(q.body) ? q.body : null;
  const failed =
    (q.s === "body" && !body) || (q.s === "topic" && !(body && q.topic && topicsOf(body).includes(q.topic) && (q.interpreter === "yes" || q.interpreter === "no")));
  return { title: await withErrorPrefix(locale, t("interviewBook"), failed ? true : undefined), robots: { index: false } };
}

type Search = { body?: string; topic?: string; interpreter?: string; slot?: string; taken?: string; s?: string; draft?: string; step?: string; pb?: string; pt?: string; pi?: string };

/**
 * Booking, one question per page (GET forms carry the answers in the address, so the back
 * button and a page without JavaScript both work): body → topic and interpreter → time →
 * subject and documents → check your answers → confirm. What the subject step sends (text and
 * files) is kept under the form's key (`draft`), which every later link carries: "change" links
 * and a slot lost to someone else bring it back. The slot is reserved only on confirm.
 * `pb`, `pt`, `pi`: the previous answer, preselected when a change link leads back to a question.
 */
export default async function BookPage({ params, searchParams }: PageProps<"/[locale]/interviews/book">) {
  const locale = await pageLocale(params);
  const q = (await searchParams) as Search;
  const self = localePath(locale, "/interviews/book");
  const actor = await requirePageActor(locale, `${self}?${new URLSearchParams(q as Record<string, string>)}`, { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Booking" });
  const ti = await getTranslations({ locale, namespace: "Interviews" });

  const body = q.body && isInterviewBody(q.body) ? q.body : null;
  const topic = body && q.topic && topicsOf(body).includes(q.topic) ? q.topic : null;
  const interpreter = q.interpreter === "yes" || q.interpreter === "no" ? q.interpreter : null;
  const slot = q.slot ? decodeSlot(q.slot) : null;
  const draftKey = q.draft && isDraftKey(q.draft) ? q.draft : null;
  const keep: Record<string, string> = draftKey ? { draft: draftKey } : {};
  const link = (extra: Record<string, string>) => `${self}?${new URLSearchParams({ ...(body ? { body } : {}), ...(topic ? { topic } : {}), ...(interpreter ? { interpreter } : {}), ...keep, ...extra })}`;
  const draftInput = draftKey ? <input type="hidden" name="draft" value={draftKey} /> : null;
  const TOTAL = 5;

  // Step 1: the body.
  if (!body) {
    const error = q.s === "body" ? t("errors.bodyRequired") : undefined;
    return (
      <Step locale={locale} guide="interview.body" back={localePath(locale, "/interviews")} backLabel={t("back")} stepLabel={t("step", { current: 1, total: TOTAL })}>
        <LessonLink locale={locale} slug="book-an-interview" />
        <StepForm action={self} errors={error ? { body: error } : {}}>
          <input type="hidden" name="s" value="body" />
          {draftInput}
          <Radios name="body" label={t("bodyQuestion")} legendAsHeading defaultValue={q.pb && isInterviewBody(q.pb) ? q.pb : undefined} options={interviewBodyIds.map((b) => ({ value: b, label: ti(`bodies.${b}`) }))} />
          <Submit>{t("continue")}</Submit>
        </StepForm>
      </Step>
    );
  }

  // Step 2: the topic, and whether an interpreter is needed.
  if (!topic || !interpreter) {
    const submitted = q.s === "topic";
    const errors: Record<string, string> = {
      ...(submitted && !topic ? { topic: t("errors.topicRequired") } : {}),
      ...(submitted && !interpreter ? { interpreter: t("errors.interpreterRequired") } : {}),
    };
    return (
      <Step locale={locale} guide="interview.topic" back={`${self}?${new URLSearchParams({ ...keep, pb: body })}`} backLabel={t("back")} stepLabel={t("step", { current: 2, total: TOTAL })}>
        <StepForm action={self} errors={errors}>
          <p className="mb-2 text-muted">{ti(`bodies.${body}`)}</p>
          <input type="hidden" name="body" value={body} />
          <input type="hidden" name="s" value="topic" />
          {draftInput}
          <Radios name="topic" label={t("topicQuestion")} legendAsHeading defaultValue={topic ?? q.pt} options={topicsOf(body).map((x) => ({ value: x, label: ti(`topics.${x}` as "topics.billing") }))} />
          <Radios name="interpreter" label={t("interpreterQuestion")} hint={t("interpreterHint")} defaultValue={interpreter ?? q.pi} options={[{ value: "no", label: t("no") }, { value: "yes", label: t("yes") }]} />
          <Submit>{t("continue")}</Submit>
        </StepForm>
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
      <Step locale={locale} guide="interview.slot" back={`${self}?${new URLSearchParams({ body, ...keep, pt: topic, pi: interpreter })}`} backLabel={t("back")} stepLabel={t("step", { current: 3, total: TOTAL })}>
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

  const slotValue = encodeSlot(slot);
  const draft = draftKey ? await bookingDraft({ actor, key: draftKey }) : null;
  const u = await getTranslations({ locale, namespace: "Uploads" });

  // Step 5: check the answers, then confirm (the slot is reserved only now).
  if (q.step === "check") {
    if (!draft) {
      // Already confirmed (the back button, a second tab): show the booking it made.
      const done = draftKey ? await bookingOfKey({ actor, key: draftKey }) : null;
      if (done) redirect(localePath(locale, `/interviews/${done.id}`));
    } else {
      const toTopic = `${self}?${new URLSearchParams({ body, ...keep, pt: topic, pi: interpreter })}`;
      const toSubject = link({ slot: slotValue });
      const items: CheckAnswer[] = [
        { label: t("summaryBody"), value: ti(`bodies.${body}`), changeHref: `${self}?${new URLSearchParams({ ...keep, pb: body })}` },
        { label: t("summaryTopic"), value: ti(`topics.${topic}` as "topics.billing"), changeHref: `${toTopic}#topic` },
        { label: t("summaryInterpreter"), value: needsInterpreter ? t("yes") : t("no"), changeHref: `${toTopic}#interpreter` },
        { label: t("summaryWhen"), value: `${formatDate(slot.start, locale, "dateLong")} — ${formatDate(slot.start, locale, "time")}`, changeHref: link({}) },
        { label: t("summarySubject"), value: draft.subject, changeHref: `${toSubject}#subject` },
        {
          label: t("summaryReminders"),
          value: [t("reminderInbox"), ...draft.reminderChannels.map((c) => (c === "sms" ? t("reminderSms") : t("reminderPush")))].join(" · "),
          changeHref: `${toSubject}#reminders`,
        },
        {
          label: t("summaryFiles"),
          value: draft.uploads.length ? (
            <ul className="list-disc ps-5">
              {draft.uploads.map((f) => (
                <li key={f.id}>
                  <a className="link" href={`/api/files/${f.id}`}>
                    {f.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            t("noFiles")
          ),
          changeHref: `${toSubject}#attachments`,
        },
      ];
      return (
        <Step locale={locale} guide="interview.check" back={toSubject} backLabel={t("back")} stepLabel={t("step", { current: 5, total: TOTAL })}>
          <h1 className="mb-6 text-3xl font-bold">{t("checkTitle")}</h1>
          <CheckAnswers items={items} changeLabel={t("change")} />
          <p className="mb-4 max-w-2xl">{t("confirmNote")}</p>
          <Form action={bookAction} errors={["Booking", "Outbox"]} hidden={{ body, topic, interpreter, slot: slotValue, draft: draft.key }}>
            <Submit>{t("confirm")}</Submit>
          </Form>
        </Step>
      );
    }
  }

  // Step 4: the subject, reminders and documents (kept under the form's key).
  const key = draft?.key ?? draftKey ?? crypto.randomUUID();
  return (
    <Step locale={locale} guide="interview.details" back={link({})} backLabel={t("back")} stepLabel={t("step", { current: 4, total: TOTAL })}>
      <h1 className="mb-2 text-3xl font-bold">{t("detailsTitle")}</h1>
      <p className="mb-6 text-muted">
        {ti(`bodies.${body}`)} — {formatDate(slot.start, locale, "dateLong")} — {formatDate(slot.start, locale, "time")}
      </p>
      <Form action={reviewBookingAction} schema="interview-details" errors={["Booking", "Outbox"]} hidden={{ body, topic, interpreter, slot: slotValue, draft: key }}>
        <TextArea name="subject" label={t("subjectLabel")} hint={t("subjectHint")} maxLength={1000} defaultValue={draft?.subject} />
        <Checkboxes
          name="reminders"
          label={t("remindersLabel")}
          hint={t("remindersHint")}
          options={[
            { value: "sms", label: t("reminderSms") },
            { value: "push", label: t("reminderPush") },
          ]}
          defaultValue={draft ? draft.reminderChannels : ["sms"]}
        />
        {draft?.uploads.length ? <Checkboxes name="removeUpload" label={t("filesCurrent")} options={draft.uploads.map((f) => ({ value: f.id, label: t("removeFile", { name: f.label }) }))} /> : null}
        <FileInput name="attachments" label={u("label")} hint={`${t("filesHint")} ${u("limits", { max: UPLOAD_LIMITS.maxFiles })}`} accept={acceptAttribute} multiple />
        <Submit>{t("continue")}</Submit>
      </Form>
    </Step>
  );
}

function Step({ locale, guide, back, backLabel, stepLabel, children }: { locale: Locale; guide: StepKey; back: string; backLabel: string; stepLabel: string; children: React.ReactNode }) {
  return (
    <div className="max-w-3xl">
      <Link href={back} className="link mb-4 inline-block">
        {backLabel}
      </Link>
      <p className="mb-1 text-muted">{stepLabel}</p>
      {children}
      <ExplainThisPage locale={locale} step={guide} />
    </div>
  );
}
