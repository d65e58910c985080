import { z } from "zod";
import { text } from "@/lib/text/input";
import { municipalityField, requireMunicipalityChoice } from "@/lib/municipalities/fields";
import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";

/**
 * A general question to a public body: the simplest kind, and the proof that the engine works
 * end to end. The body answers within 15 calendar days (a service standard of the programme,
 * not a legal deadline).
 */
export const QUESTION_BODIES = [
  "municipality",
  "steg",
  "sonede",
  "cnam",
  "cnss",
  "cnrps",
  "la-poste",
  "tax-offices",
  "tunisie-telecom",
  "aneti",
] as const;

export const questionSchema = z.object({
  bodyId: z.enum(QUESTION_BODIES, { error: "Question.errors.bodyRequired" }),
  /** Which municipality, when the body is "the municipality" (lib/municipalities). */
  municipalityId: municipalityField,
  subject: text({ error: "Question.errors.subjectRequired" })
    .trim()
    .min(1, "Question.errors.subjectRequired")
    .max(120, "Question.errors.subjectTooLong"),
  question: text({ error: "Question.errors.questionRequired" })
    .trim()
    .min(1, "Question.errors.questionRequired")
    .min(10, "Question.errors.questionTooShort")
    .max(3000, "Question.errors.questionTooLong"),
}).superRefine(requireMunicipalityChoice);

export type QuestionPayload = z.infer<typeof questionSchema>;

export const questionMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: "Cases.status.received", tone: "blue", clock: "running" },
    inProgress: { label: "Cases.status.inProgress", tone: "yellow", clock: "running" },
    answered: { label: "Cases.status.answered", tone: "green", clock: "stopped", final: true },
    closed: { label: "Cases.status.closed", tone: "grey", clock: "stopped", final: true },
    withdrawn: { label: "Cases.status.withdrawn", tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received"], to: "inProgress", by: ["staff"], label: "Cases.actions.startWork" },
    { from: ["received", "inProgress"], to: "answered", by: ["staff"], label: "Cases.actions.answer", requiresMessage: true },
    { from: ["received", "inProgress"], to: "closed", by: ["staff"], label: "Cases.actions.close", requiresMessage: true },
    { from: ["received", "inProgress"], to: "withdrawn", by: ["citizen"], label: "Cases.actions.withdraw" },
    { from: ["answered", "closed"], to: "inProgress", by: ["staff"], label: "Cases.actions.reopen" },
  ],
});

export const question = defineKind({
  id: "question",
  schema: questionSchema,
  machine: questionMachine,
  deadline: { initial: () => ({ days: 15 }), dueSoon: { days: 3 } },
  route: (p: QuestionPayload) => ({ bodyId: p.bodyId }),
  place: (p: QuestionPayload) => ({ municipalityId: p.municipalityId }),
  messages: {
    name: "Question.kindName",
    fields: { bodyId: "Question.fields.bodyId", municipalityId: "Municipalities.field", subject: "Question.fields.subject", question: "Question.fields.question" },
  },
  title: (p) => p.subject,
  describe: (p) => [
    ...(p.bodyId === "municipality" && p.municipalityId ? ([["municipalityId", p.municipalityId]] as [string, string][]) : []),
    ["subject", p.subject],
    ["question", p.question],
  ],
});
