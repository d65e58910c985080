import data from "./data/lessons.json";
import { contentLocale, type Locale } from "@/lib/i18n/routing";

/**
 * Lessons of the digital-skills space (فضاء التأهيل الرقمي), kept as data so trainers can edit
 * them without code. Volunteers teach with them; the citizen does the procedure themselves.
 */
type Text = { ar: string; fr: string; en: string };
type Lesson = { slug: string; minutes: number; title: Text; summary: Text; steps: { ar: string[]; fr: string[]; en: string[] } };

const lessons = data.lessons as Lesson[];

export const lang: (locale: Locale) => keyof Text = contentLocale;

export function listLessons(locale: Locale) {
  const l = lang(locale);
  return lessons.map((x) => ({ slug: x.slug, minutes: x.minutes, title: x.title[l], summary: x.summary[l] }));
}

export function getLesson(slug: string, locale: Locale) {
  const x = lessons.find((lesson) => lesson.slug === slug);
  if (!x) return null;
  const l = lang(locale);
  return { slug: x.slug, minutes: x.minutes, title: x.title[l], summary: x.summary[l], steps: x.steps[l] };
}

export function lessonSlugs(): string[] {
  return lessons.map((x) => x.slug);
}
