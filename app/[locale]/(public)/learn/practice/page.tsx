import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getLesson } from "@/lib/learning/lessons";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { currentPracticeItems, currentPracticeRun } from "@/lib/practice/context";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { endPracticeAction, startPracticeAction } from "./actions";

// Personal to this browser (its practice run): rendered for each request, never cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Practice.titles.hub");

const JOURNEYS = [
  { kind: "complaint", path: "/learn/practice/complaint" },
  { kind: "payment", path: "/learn/practice/pay" },
  { kind: "booking", path: "/learn/practice/book" },
] as const;

/**
 * Practice mode's home: start a practice (from a lesson, or here), walk the complaint form, a
 * D17 payment or a booking in the sandbox, see what was done, and end it (everything is deleted).
 */
export default async function PracticePage({ params, searchParams }: PageProps<"/[locale]/learn/practice">) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Practice" });
  const learn = await getTranslations({ locale, namespace: "Learn" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const lessonSlug = typeof query.lesson === "string" ? query.lesson : "";
  const run = await currentPracticeRun();
  const items = run ? await currentPracticeItems() : [];
  const done = typeof query.done === "string" ? items.find((i) => i.reference === query.done) : undefined;
  const lesson = run?.lessonSlug ? getLesson(run.lessonSlug, locale) : lessonSlug ? getLesson(lessonSlug, locale) : null;
  return (
    <>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[{ href: localePath(locale, "/learn"), text: learn("title") }, ...(lesson ? [{ href: localePath(locale, `/learn/${lesson.slug}`), text: lesson.title }] : []), { text: t("title") }]}
      />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{t("lead")}</p>
      {done ? (
        <NotificationBanner tone="success" title={t(`done.${done.kind}`)}>
          <p>
            {t("reference")} <bdi dir="ltr" className="font-mono font-bold">{done.reference}</bdi>
          </p>
          <p>{t(`forReal.${done.kind}`)}</p>
        </NotificationBanner>
      ) : null}
      {!run ? (
        <Form action={startPracticeAction} hidden={{ lesson: lessonSlug }} errors={["Practice"]} className="max-w-3xl">
          <ul className="mb-6 list-disc ps-6">
            {JOURNEYS.map((j) => (
              <li key={j.kind}>{t(`journeys.${j.kind}`)}</li>
            ))}
          </ul>
          <Submit>{t("start")}</Submit>
        </Form>
      ) : (
        <>
          <h2 id="practice-journeys" className="mb-3 text-2xl font-bold">
            {t("chooseHeading")}
          </h2>
          <ul aria-labelledby="practice-journeys" className="mb-8 flex max-w-3xl flex-col gap-2">
            {JOURNEYS.map((j) => (
              <li key={j.kind}>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center text-lg" href={localePath(locale, j.path)}>
                  {t(`journeys.${j.kind}`)}
                </Link>
              </li>
            ))}
          </ul>
          <h2 className="mb-3 text-2xl font-bold">{t("doneHeading")}</h2>
          {items.length === 0 ? (
            <p className="mb-8">{t("nothingYet")}</p>
          ) : (
            <ul className="mb-8 flex max-w-3xl flex-col gap-2" aria-label={t("doneHeading")}>
              {items.map((i) => (
                <li key={i.id} className="border-s-4 border-line ps-3">
                  {t(`kinds.${i.kind}`)} — <bdi dir="ltr" className="font-mono">{i.reference}</bdi>
                </li>
              ))}
            </ul>
          )}
          <Form action={endPracticeAction} id="end" errors={["Practice"]}>
            <p className="mb-3 max-w-3xl">{t("endLead")}</p>
            <Submit variant="secondary">{t("end")}</Submit>
          </Form>
        </>
      )}
    </>
  );
}
