import { describe, expect, it } from "vitest";
import { getLesson, lessonSlugs, listLessons } from "./lessons";
import data from "./data/lessons.json";

describe("lessons data", () => {
  it("has unique slugs and every text in three languages", () => {
    const slugs = lessonSlugs();
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const l of data.lessons) {
      for (const lang of ["ar", "fr", "en"] as const) {
        expect(l.title[lang].trim(), `${l.slug} title ${lang}`).not.toBe("");
        expect(l.summary[lang].trim()).not.toBe("");
        expect(l.steps[lang].length, `${l.slug} steps ${lang}`).toBe(l.steps.ar.length);
      }
    }
  });
  it("reads a lesson in the user's language", () => {
    expect(getLesson("online-safety", "fr-TN")?.title).toBe("Rester en sécurité en ligne");
    expect(getLesson("nope", "en")).toBeNull();
    expect(listLessons("ar-TN")).toHaveLength(data.lessons.length);
  });
});
