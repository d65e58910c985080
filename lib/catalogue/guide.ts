/**
 * Guided questions: a few questions, one per page, that turn the general list of a service into
 * a personal checklist. The answers live in the URL (plain GET forms), so the flow works without
 * JavaScript and the result can be shared or bookmarked.
 */
import type { AnswerCondition, Guide, GuideQuestion, RequiredDocument, Service, ServiceStep } from "./schema";

export type Answers = Record<string, string>;

export function conditionHolds(condition: AnswerCondition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([question, values]) => {
    const answer = answers[question];
    return answer !== undefined && values.includes(answer);
  });
}

/**
 * Keeps only answers to questions of this guide, with allowed values, whose question applies
 * given the answers before it. Anything else in the query (tampering, stale links) is ignored.
 */
export function parseAnswers(guide: Guide, query: Record<string, string | string[] | undefined>): Answers {
  const answers: Answers = {};
  for (const q of guide.questions) {
    const raw = query[q.id];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || !q.options.some((o) => o.value === value)) continue;
    if (!conditionHolds(q.askIf, answers)) continue;
    answers[q.id] = value;
  }
  return answers;
}

/** Questions that apply given the answers so far (a question whose condition is not yet decidable counts). */
export function applicableQuestions(guide: Guide, answers: Answers): GuideQuestion[] {
  return guide.questions.filter((q) => {
    if (!q.askIf) return true;
    const decidable = Object.keys(q.askIf).every((dep) => answers[dep] !== undefined);
    return !decidable || conditionHolds(q.askIf, answers);
  });
}

export function nextQuestion(guide: Guide, answers: Answers): GuideQuestion | null {
  return applicableQuestions(guide, answers).find((q) => answers[q.id] === undefined) ?? null;
}

export type PersonalChecklist = { documents: RequiredDocument[]; steps: ServiceStep[]; notes: Guide["notes"][number]["text"][] };

export function personalChecklist(service: Service, answers: Answers): PersonalChecklist {
  return {
    documents: service.documents.filter((d) => conditionHolds(d.when, answers)),
    steps: service.steps.filter((s) => conditionHolds(s.when, answers)),
    notes: (service.guide?.notes ?? []).filter((n) => conditionHolds(n.when, answers)).map((n) => n.text),
  };
}

/** The query string of a set of answers, in question order (stable, shareable URLs). */
export function answersQuery(guide: Guide, answers: Answers): string {
  const query = new URLSearchParams();
  for (const q of guide.questions) if (answers[q.id] !== undefined) query.set(q.id, answers[q.id]!);
  return query.toString();
}
