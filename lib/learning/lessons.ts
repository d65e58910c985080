import { contentLocale, type Locale } from "@/lib/i18n/routing";
import type { LessonData } from "./schema";
import l01 from "./data/lessons/01-internet-basics.json";
import l02 from "./data/lessons/02-install-idarti.json";
import l03 from "./data/lessons/03-online-safety.json";
import l04 from "./data/lessons/04-procedures-alone.json";
import l05 from "./data/lessons/05-pay-with-d17.json";
import l06 from "./data/lessons/06-file-a-complaint.json";
import l07 from "./data/lessons/07-report-a-problem-in-town.json";
import l08 from "./data/lessons/08-ask-for-information.json";
import l09 from "./data/lessons/09-book-an-interview.json";
import l10 from "./data/lessons/10-find-a-service-and-house.json";
import l11 from "./data/lessons/11-self-service-corner.json";
import { publishedSlot } from "@/lib/published";

/**
 * Lessons of the digital-skills space (فضاء التأهيل الرقمي), kept as data so trainers can edit
 * them without code: one JSON file a lesson, checked by ./schema.ts in lessons.test.ts (which
 * also fails when a file of the folder is not listed here). Volunteers teach with them; the
 * citizen does the procedure themselves.
 */
export const LESSON_FILES = [l01, l02, l03, l04, l05, l06, l07, l08, l09, l10, l11] as unknown as LessonData[];

// The published lessons of the running server (lib/content, docs/adr/0023): the files are their
// seed and what the build renders; on globalThis since Next bundles pages and route handlers apart.
const published = publishedSlot<LessonData[]>("lessons", () => LESSON_FILES);

/** Replaces the lessons every page reads from now on (undefined: back to the data files). */
export const setPublishedLessons = published.set;

function all(): LessonData[] {
  return published.get();
}

export const lang = contentLocale;

export function listLessons(locale: Locale) {
  const l = lang(locale);
  return all().map((x) => ({ slug: x.slug, minutes: x.minutes, title: x.title[l], summary: x.summary[l] }));
}

export type Question = { prompt: string; choices: { text: string; correct: boolean; feedback: string }[] };

export function getLesson(slug: string, locale: Locale) {
  const x = all().find((lesson) => lesson.slug === slug);
  if (!x) return null;
  const l = lang(locale);
  return {
    slug: x.slug,
    minutes: x.minutes,
    journey: x.journey,
    illustration: { kind: x.illustration.kind, alt: x.illustration.alt[l] },
    title: x.title[l],
    summary: x.summary[l],
    steps: x.steps[l],
    questions: x.questions.map((q): Question => ({ prompt: q.prompt[l], choices: q.choices.map((c) => ({ text: c.text[l], correct: c.correct, feedback: c.feedback[l] })) })),
  };
}

export function lessonSlugs(): string[] {
  return all().map((x) => x.slug);
}

/**
 * The answers of a no-JavaScript quiz form (`?q0=1&q1=0`): the chosen choice's index per
 * question, only for questions that exist and choices in range; anything else is ignored.
 */
export function parseAnswers(search: Record<string, string | string[] | undefined>, questions: readonly Question[]): (number | null)[] {
  return questions.map((q, i) => {
    const raw = search[`q${i}`];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v === undefined || !/^\d$/.test(v)) return null;
    const n = Number(v);
    return n < q.choices.length ? n : null;
  });
}

/** Lessons whose journey can be walked in practice mode (/learn/practice), and which journey. */
export const PRACTICE_JOURNEYS: Record<string, "complaint" | "pay" | "book"> = {
  "file-a-complaint": "complaint",
  "pay-with-d17": "pay",
  "book-an-interview": "book",
};
