import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LESSON_FILES, getLesson, lessonSlugs, listLessons, parseAnswers } from "./lessons";
import { lesson as lessonSchema } from "./schema";

const dir = join(__dirname, "data/lessons");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("lessons data", () => {
  it("every lesson file passes the schema: three languages, alt text, one right answer per question", () => {
    for (const f of files) {
      const parsed = lessonSchema.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
      expect(parsed.error?.issues ?? [], f).toEqual([]);
    }
  });
  it("lists every file of the folder, in its order, with unique slugs", () => {
    expect(LESSON_FILES.map((l) => l.slug)).toEqual(files.map((f) => (JSON.parse(readFileSync(join(dir, f), "utf8")) as { slug: string }).slug));
    const slugs = lessonSlugs();
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.length).toBeGreaterThanOrEqual(10);
  });
  it("refuses a question with two right answers or none, and a missing alt text", () => {
    const good = LESSON_FILES[0]!;
    const q = good.questions[0]!;
    const twoRight = { ...good, questions: [{ ...q, choices: q.choices.map((c) => ({ ...c, correct: true })) }, q] };
    const noneRight = { ...good, questions: [{ ...q, choices: q.choices.map((c) => ({ ...c, correct: false })) }, q] };
    const noAlt = { ...good, illustration: { ...good.illustration, alt: { ...good.illustration.alt, fr: " " } } };
    expect(lessonSchema.safeParse(good).success).toBe(true);
    expect(lessonSchema.safeParse(twoRight).success).toBe(false);
    expect(lessonSchema.safeParse(noneRight).success).toBe(false);
    expect(lessonSchema.safeParse(noAlt).success).toBe(false);
  });
  it("reads a lesson in the user's language", () => {
    expect(getLesson("online-safety", "fr-TN")?.title).toBe("Rester en sécurité en ligne");
    expect(getLesson("online-safety", "ar-TN")?.illustration.alt).toMatch(/درع/);
    expect(getLesson("nope", "en")).toBeNull();
    expect(listLessons("ar-TN")).toHaveLength(LESSON_FILES.length);
  });
  it("keeps only answers that exist from a no-JavaScript form", () => {
    const qs = getLesson("online-safety", "en")!.questions;
    expect(parseAnswers({ q0: "1", q1: "7", q2: "0", x: "1" }, qs)).toEqual([1, null]);
    expect(parseAnswers({ q0: ["0", "1"], q1: "-1" }, qs)).toEqual([0, null]);
  });
});
