import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { now } from "@/lib/clock";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { interviewBodyIds, isInterviewBody, interviewBodies } from "@/lib/interviews/topics";
import { practiceSlots } from "@/lib/interviews/practice-forms";
import { currentPracticeRun } from "@/lib/practice/context";
import { Form, StepForm } from "@/components/forms/form";
import { Radios, Submit, TextArea } from "@/components/forms/fields";
import { practiceBookAction } from "../actions";

export const dynamic = "force-dynamic";

export const generateMetadata = titled("Practice.titles.book");

/**
 * Booking an interview in practice: the real bodies, topics and subject rule, practice times
 * (no official's real time is ever held), recorded in the practice store only.
 */
export default async function PracticeBookPage({ params, searchParams }: PageProps<"/[locale]/learn/practice/book">) {
  const locale = await pageLocale(params);
  if (!(await currentPracticeRun())) redirect(localePath(locale, "/learn/practice"));
  const query = await searchParams;
  const b = await getTranslations({ locale, namespace: "Booking" });
  const i = await getTranslations({ locale, namespace: "Interviews" });
  const p = await getTranslations({ locale, namespace: "Practice" });
  const here = localePath(locale, "/learn/practice/book");
  const body = typeof query.body === "string" && isInterviewBody(query.body) ? query.body : null;
  if (!body) {
    const bodyError = query.s === "body" ? b("errors.bodyRequired") : undefined;
    return (
      <>
        <p className="mb-2 text-lg font-semibold">{p("titles.book")}</p>
        <StepForm action={here} className="max-w-2xl" errors={bodyError ? { body: bodyError } : {}}>
          <input type="hidden" name="s" value="body" />
          <Radios name="body" label={b("bodyQuestion")} legendAsHeading options={interviewBodyIds.map((id) => ({ value: id, label: i(`bodies.${id}`) }))} />
          <Submit>{b("continue")}</Submit>
        </StepForm>
      </>
    );
  }
  const slots = practiceSlots(await now());
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{p("titles.book")}</h1>
      <dl className="mb-6 max-w-2xl border-s-4 border-brand ps-4">
        <dt className="font-semibold">{b("summaryBody")}</dt>
        <dd className="mb-2">
          {i(`bodies.${body}`)}{" "}
          <a href={here} className="link ms-2">
            {b("change")}
            <span className="sr-only"> {b("summaryBody")}</span>
          </a>
        </dd>
      </dl>
      <Form action={practiceBookAction} schema="practice-book" hidden={{ body }} errors={["Booking", "Practice"]} className="max-w-2xl">
        <Radios name="topic" label={b("topicQuestion")} options={interviewBodies[body].map((topic) => ({ value: topic, label: i(`topics.${topic}`) }))} />
        <Radios name="slot" label={b("slotQuestion")} hint={p("book.slotHint")} options={slots.map((s) => ({ value: String(s.getTime()), label: formatDate(s, locale, "dateTime") }))} />
        <TextArea name="subject" label={b("subjectLabel")} hint={b("subjectHint")} maxLength={1000} rows={4} />
        <Submit>{p("send.booking")}</Submit>
      </Form>
    </>
  );
}
