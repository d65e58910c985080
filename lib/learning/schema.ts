import { z } from "zod";

/**
 * The shape of a lesson file (lib/learning/data/lessons/*.json). Trainers edit those files; the
 * unit test parses each one with this schema, so a missing translation or a question without
 * exactly one right answer fails the build before it reaches a citizen.
 */
const text = z.strictObject({ ar: z.string().trim().min(1), fr: z.string().trim().min(1), en: z.string().trim().min(1) });
const steps = z.strictObject({ ar: z.array(z.string().trim().min(1)).min(2), fr: z.array(z.string().trim().min(1)).min(2), en: z.array(z.string().trim().min(1)).min(2) });

/** The drawings lib/learning/illustration.tsx knows how to draw (simple inline SVG, no files). */
export const illustrationKinds = ["browser", "install", "shield", "steps", "pay", "complaint", "town", "info", "calendar", "house", "kiosk"] as const;

const choice = z.strictObject({ text, correct: z.boolean(), feedback: text });
const question = z
  .strictObject({ prompt: text, choices: z.array(choice).min(2).max(4) })
  // The message is the editor's (lib/content/store.ts shows it at the top of the question).
  .refine((q) => q.choices.filter((c) => c.correct).length === 1, { message: "ContentEditing.errors.oneRightAnswer" });

export const lesson = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    minutes: z.number().int().min(1).max(30),
    /** The real journey this lesson teaches (a path without locale), or null. */
    journey: z.string().regex(/^\/[a-z0-9/-]*$/).nullable(),
    illustration: z.strictObject({ kind: z.enum(illustrationKinds), alt: text }),
    title: text,
    summary: text,
    steps,
    questions: z.array(question).min(2).max(4),
  })
  .refine((l) => l.steps.fr.length === l.steps.ar.length && l.steps.en.length === l.steps.ar.length, { message: "ContentEditing.errors.sameStepCount", path: ["steps"] });

export type LessonData = z.infer<typeof lesson>;
export type IllustrationKind = (typeof illustrationKinds)[number];
