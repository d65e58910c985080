import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { getLesson, parseAnswers } from "@/lib/learning/lessons";
import { pageLocale } from "@/lib/i18n/page-locale";
import { LessonBody } from "@/components/learning/lesson-body";

/**
 * The feedback of a lesson's questions for a phone without JavaScript: the quiz's GET form lands
 * here with `?q0=…&q1=…`. Dynamic (it reads the address), so the lesson page itself stays static.
 */
export async function generateMetadata({ params }: PageProps<"/[locale]/learn/[slug]/answers">): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const lesson = getLesson(slug, locale);
  if (!lesson) return {};
  const t = await getTranslations({ locale, namespace: "Lessons" });
  return { title: t("answersTitle", { title: lesson.title }), robots: { index: false } };
}

export default async function LessonAnswersPage({ params, searchParams }: PageProps<"/[locale]/learn/[slug]/answers">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const lesson = getLesson(slug, locale);
  if (!lesson) notFound();
  return <LessonBody locale={locale} lesson={lesson} answers={parseAnswers(await searchParams, lesson.questions)} />;
}
