import type { LegalTimeline } from "@/lib/cases/kinds/info-request/law-2016-22";
import type { CaseView } from "@/lib/cases/read";
import { citizenTransitionAction, rateAction } from "@/lib/requests/actions";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { CaseActionForm } from "@/components/cases/case-action-form";
import { bodyName, translateKey, type Tr } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Radios, Submit, TextArea } from "@/components/forms/fields";

type Extras = { now: Date; transitions: { to: string; label: string; requiresMessage: boolean }[]; law: LegalTimeline | null; rated: boolean };

/** The clock: whole days left (hours for a 48-hour request), or "the deadline has passed". */
function Clock({ t, dueAt, now, hours }: { t: Tr; dueAt: Date; now: Date; hours: boolean }) {
  const ms = dueAt.getTime() - now.getTime();
  if (ms < 0) return <p className="font-bold text-danger">{t("Requests.clock.overdue")}</p>;
  const text = hours ? t("Requests.clock.hoursLeft", { hours: Math.floor(ms / 3_600_000) }) : t("Requests.clock.left", { days: Math.floor(ms / 86_400_000) });
  return <p className="text-2xl font-bold">{text}</p>;
}

/**
 * On the citizen's case page, for the requests kinds: the deadline as a date and a clock; for an
 * information request, the law's steps (silence = refusal, a ready-made appeal to the head of
 * the body, then INAI); the citizen's own actions (escalate, reopen, withdraw); the rating.
 */
export function AfterSending({ t, locale, caseView, extras, errorTitle }: { t: Tr; locale: Locale; caseView: CaseView; extras: Extras; errorTitle: string }) {
  const { row } = caseView;
  const law = extras.law;
  const dueAt = law && law.answer === "pending" ? law.answerDueAt : row.dueAt;
  const date = (d: Date) => formatDate(d, locale, "dateTime");
  const appeal = extras.transitions.find((x) => x.to === "appealed");
  const others = extras.transitions.filter((x) => x.to !== "appealed");
  const payload = row.payload as { information?: string; lifeOrLiberty?: boolean };
  const draft =
    law && appeal
      ? t("Appeal.draft", {
          body: bodyName(t, row.bodyId),
          submitted: formatDate(row.submittedAt, locale, "date"),
          information: payload.information ?? "",
          reference: row.reference,
          outcome: law.answer === "silence" ? t("Appeal.outcomeSilence") : t("Appeal.outcomeDecision"),
        })
      : "";
  return (
    <>
      {!row.closedAt && dueAt && row.clock === "running" ? (
        <section aria-labelledby="clock-heading" className="mb-8 border-s-4 border-brand ps-4">
          <h2 id="clock-heading" className="mb-2 text-xl font-bold">
            {law ? t("InfoRequest.clockHeading") : t("Requests.next.heading")}
          </h2>
          {/* The case summary already gives the date for other kinds; the law's date is the legal one. */}
          {law ? <p className="mb-1">{t("InfoRequest.dueAt", { date: date(dueAt) })}</p> : null}
          <Clock t={t} dueAt={dueAt} now={extras.now} hours={Boolean(payload.lifeOrLiberty) && row.kind === "info-request"} />
          {!law ? <p className="mt-2 max-w-2xl">{t("Requests.next.body")}</p> : null}
        </section>
      ) : null}
      {law?.answer === "silence" && law.appealToHead && !law.appealToHead.filedAt ? (
        <p role="status" className="mb-6 max-w-2xl border-s-4 border-danger ps-3 font-semibold">
          {t("InfoRequest.silence", { date: formatDate(law.appealToHead.closesAt, locale, "date") })}
        </p>
      ) : null}
      {appeal && law?.appealToHead ? (
        <section aria-labelledby="appeal-heading" className="mb-8 max-w-2xl">
          <h2 id="appeal-heading" className="mb-2 text-xl font-bold">
            {t("Appeal.heading")}
          </h2>
          <p className="mb-4">{t("Appeal.until", { date: formatDate(law.appealToHead.closesAt, locale, "date") })}</p>
          <CaseActionForm
            action={citizenTransitionAction}
            id="appeal"
            hidden={{ reference: row.reference, to: "appealed" }}
            message={{ label: t("Appeal.draftLabel"), defaultValue: draft }}
            submit={t("Appeal.send")}
            errorTitle={errorTitle}
            errorPrefix={t("Requests.errorPrefix")}
          />
          <p className="text-muted">{t("Appeal.inaiLater")}</p>
        </section>
      ) : null}
      {law?.appealToInai ? (
        <section aria-labelledby="inai-heading" className="mb-8 max-w-2xl">
          <h2 id="inai-heading" className="mb-2 text-xl font-bold">
            {t("Appeal.inaiHeading")}
          </h2>
          <p>{t("Appeal.inai", { date: formatDate(law.appealToInai.closesAt, locale, "date") })}</p>
        </section>
      ) : null}
      {others.length ? (
        <section aria-labelledby="after-heading" className="mb-8 max-w-2xl">
          <h2 id="after-heading" className="mb-4 text-xl font-bold">
            {t("Requests.after.heading")}
          </h2>
          {others.map((x) => (
            <CaseActionForm
              key={x.to}
              action={citizenTransitionAction}
              id={`do-${x.to}`}
              hidden={{ reference: row.reference, to: x.to }}
              message={x.requiresMessage ? { label: t("Requests.after.messageLabel") } : undefined}
              submit={translateKey(t, x.label)}
              variant={x.to === "withdrawn" ? "secondary" : "primary"}
              errorTitle={errorTitle}
              errorPrefix={t("Requests.errorPrefix")}
            />
          ))}
        </section>
      ) : null}
      {row.closedAt && !extras.rated ? (
        <section aria-labelledby="rate-heading" className="mb-8">
          <h2 id="rate-heading" className="mb-4 text-xl font-bold">
            {t("Requests.after.rateHeading")}
          </h2>
          {/* Rate the answer, 1 to 5, with an optional comment. */}
          <Form action={rateAction} schema="case-rate" id="rate" errors={["Cases"]} hidden={{ reference: row.reference }} className="max-w-2xl">
            <Radios name="stars" label={t("Requests.after.stars")} options={[1, 2, 3, 4, 5].map((stars) => ({ value: String(stars), label: t("Requests.after.starsOption", { stars }) }))} />
            <TextArea name="comment" label={t("Requests.after.comment")} rows={3} maxLength={1000} />
            <Submit>{t("Requests.after.rate")}</Submit>
          </Form>
        </section>
      ) : null}
    </>
  );
}
