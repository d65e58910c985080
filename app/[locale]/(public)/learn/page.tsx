import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { listLessons } from "@/lib/learning/lessons";
import { Card } from "@/components/ui/card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { LessonDone } from "@/components/learning/lesson-done";

export const generateMetadata = titled("Learn.title", {}, { staticPage: true });

export default async function LearnPage({ params }: PageProps<"/[locale]/learn">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "Learn" });
  const quiz = await getTranslations({ locale, namespace: "LessonQuiz" });
  const groups = await getTranslations({ locale, namespace: "Groups" });
  const practice = await getTranslations({ locale, namespace: "Practice" });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 max-w-3xl text-lg">{t("lead")}</p>
      <ul className="mb-8 grid gap-4 sm:grid-cols-2">
        {listLessons(locale).map((lesson) => (
          <li key={lesson.slug}>
            <Card href={localePath(locale, `/learn/${lesson.slug}`)} title={lesson.title} headingLevel={2}>
              <p>{lesson.summary}</p>
              <p className="mt-1 text-sm">
                {t("minutes", { count: lesson.minutes })}
                <LessonDone slug={lesson.slug} label={quiz("doneBadge")} />
              </p>
            </Card>
          </li>
        ))}
      </ul>
      <p className="max-w-3xl border-s-8 border-brand bg-canvas p-4">{t("volunteers")}</p>
      <ul className="mt-6 flex max-w-3xl flex-col gap-2">
        <li>
          <Link prefetch={false} className="link inline-flex min-h-11 items-center text-lg" href={localePath(locale, "/learn/groups")}>
            {groups("title")}
          </Link>
        </li>
        <li>
          <Link prefetch={false} className="link inline-flex min-h-11 items-center text-lg" href={localePath(locale, "/learn/practice")}>
            {practice("title")}
          </Link>
        </li>
      </ul>
    </>
  );
}
