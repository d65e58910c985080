import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale, locales } from "@/lib/i18n/routing";
import { getLesson, lessonSlugs } from "@/lib/learning/lessons";
import { pageLocale } from "@/lib/i18n/page-locale";
import { LessonBody } from "@/components/learning/lesson-body";

// Static: the service worker keeps it, so a lesson opened once reads again offline.
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => lessonSlugs().map((slug) => ({ locale, slug })));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/learn/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  return { title: getLesson(slug, locale)?.title };
}

export default async function LessonPage({ params }: PageProps<"/[locale]/learn/[slug]">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const lesson = getLesson(slug, locale);
  if (!lesson) notFound();
  return <LessonBody locale={locale} lesson={lesson} />;
}
