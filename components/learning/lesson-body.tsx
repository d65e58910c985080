import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { lang, PRACTICE_JOURNEYS, type getLesson } from "@/lib/learning/lessons";
import { LessonIllustration } from "./lesson-illustration";
import { LessonQuiz } from "./lesson-quiz";
import { ReadAloud } from "./read-aloud";

type Lesson = NonNullable<ReturnType<typeof getLesson>>;

/**
 * A lesson: its text, picture, link to the real journey and questions. The lesson page (static,
 * kept offline) renders it without answers; the answers page (a GET form's target, for phones
 * without JavaScript) with the answers from the address.
 */
export async function LessonBody({ locale, lesson, answers }: { locale: Locale; lesson: Lesson; answers?: (number | null)[] }) {
  const t = await getTranslations({ locale, namespace: "Learn" });
  const tl = await getTranslations({ locale, namespace: "Lessons" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  // The client leaves get their words as props (no messages provider: the lean page has no React, docs/adr/0021).
  const tq = await getTranslations({ locale, namespace: "LessonQuiz" });
  const n = lesson.questions.length;
  const words = {
    right: tq("right"),
    wrong: tq("wrong"),
    unanswered: tq("unanswered"),
    done: tq("done"),
    check: tq("check"),
    question: lesson.questions.map((_, i) => tq("question", { n: i + 1 })),
    scores: Array.from({ length: n + 1 }, (_, right) => tq("score", { right, questions: n })),
  };
  const lessonPath = localePath(locale, `/learn/${lesson.slug}`);
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[{ href: localePath(locale, "/"), text: t("breadcrumbHome") }, { href: localePath(locale, "/learn"), text: t("title") }, answers ? { href: lessonPath, text: lesson.title } : { text: lesson.title }]}
      />
      <div id="lesson-text">
        <h1 className="mb-2 text-3xl font-bold">{answers ? tl("answersTitle", { title: lesson.title }) : lesson.title}</h1>
        <p className="mb-1 text-lg">{lesson.summary}</p>
        <p className="mb-4 text-sm text-muted">{t("minutes", { count: lesson.minutes })}</p>
        {!answers && (
          <>
            <ReadAloud targetId="lesson-text" lang={lang(locale)} labels={{ readAloud: tq("readAloud"), stopReading: tq("stopReading") }} />
            <div className="my-6 flex max-w-3xl flex-col gap-6 sm:flex-row sm:items-start">
              <figure className="w-full max-w-xs shrink-0 rounded-sm bg-canvas p-4">
                <LessonIllustration kind={lesson.illustration.kind} alt={lesson.illustration.alt} id={`illustration-${lesson.slug}`} />
              </figure>
              <div>
                <h2 className="mb-3 text-xl font-bold">{t("stepsHeading")}</h2>
                <ol className="flex list-decimal flex-col gap-3 ps-6">
                  {lesson.steps.map((step, i) => (
                    <li key={i}>{step}</li>
                  ))}
                </ol>
              </div>
            </div>
          </>
        )}
      </div>
      {!answers && lesson.journey && (
        <section aria-labelledby="journey-heading" className="mb-8">
          <h2 id="journey-heading" className="mb-2 text-xl font-bold">
            {tl("journeyHeading")}
          </h2>
          <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, lesson.journey)}>
            {tl("journeyLink", { title: lesson.title })}
          </Link>
          {PRACTICE_JOURNEYS[lesson.slug] ? (
            <p>
              <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={`${localePath(locale, "/learn/practice")}?lesson=${lesson.slug}`}>
                {tl("practiseLink")}
              </Link>
            </p>
          ) : null}
        </section>
      )}
      <section aria-labelledby="questions-heading" className="mb-8">
        <h2 id="questions-heading" className="mb-2 text-xl font-bold">
          {tl("questionsHeading")}
        </h2>
        <p className="mb-4">{tl("questionsLead")}</p>
        <LessonQuiz slug={lesson.slug} action={`${lessonPath}/answers`} questions={lesson.questions} initial={answers} checked={!!answers} words={words} />
      </section>
      {answers && (
        <p className="mb-8">
          <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={lessonPath}>
            {tl("backToLesson")}
          </Link>
        </p>
      )}
      <p className="mb-4 max-w-3xl border-s-8 border-brand bg-canvas p-4">{t("volunteers")}</p>
      <p className="max-w-3xl text-sm text-muted">{tl("offlineNote")}</p>
    </article>
  );
}
