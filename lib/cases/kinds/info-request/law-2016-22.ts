import { z } from "zod";
import { addAllowance, computeDeadline, type Allowance, type ClockOp } from "../../deadline";
import rulesJson from "./law-2016-22.json";

/**
 * The deadlines of organic law 2016-22 (access to information), as data read once and checked,
 * and the pure functions that turn them into dates. How days are counted is the engine's
 * (calendar days in Africa/Tunis, the day of receipt not counted, the last day counted to its
 * end; hours exactly): docs/adr/0011-counting-days-law-2016-22.md explains the reading.
 */
const allowance = z.union([z.strictObject({ days: z.number().int().positive() }), z.strictObject({ hours: z.number().int().positive() })]);
const rule = z.object({ allowance, note: z.string(), max: z.number().int().positive().optional() });

export const lawRulesSchema = z.object({
  law: z.string(),
  reading: z.string(),
  answer: rule,
  onSiteConsultation: rule,
  lifeOrLiberty: rule,
  notCompetent: rule,
  extension: rule,
  appealToHead: rule,
  headAnswer: rule,
  appealToInai: rule,
});
export type LawRules = z.infer<typeof lawRulesSchema>;

export const LAW_2016_22: LawRules = lawRulesSchema.parse(rulesJson);

export const accessForms = ["consultation", "paper-copy", "electronic-copy", "extracts"] as const;
export type AccessForm = (typeof accessForms)[number];

export type LawPayload = { lifeOrLiberty: boolean; accessForm: AccessForm };

/** The allowance for an answer: 48 h where a life or liberty is at stake (whatever the form), 10 days to consult on site, else 20 days. */
export function answerAllowance(p: LawPayload, rules: LawRules = LAW_2016_22): Allowance {
  if (p.lifeOrLiberty) return rules.lifeOrLiberty.allowance;
  if (p.accessForm === "consultation") return rules.onSiteConsultation.allowance;
  return rules.answer.allowance;
}

/** The last moment a body may say it is not competent and redirect: 5 days from its own receipt. */
export function redirectUntil(receivedAt: Date, rules: LawRules = LAW_2016_22): Date {
  return addAllowance(receivedAt, rules.notCompetent.allowance);
}

export type Decision = { at: Date; outcome: "granted" | "partial" | "refused" };

/** What happened to a request, as the law sees it. Dates are instants; the engine's events give them. */
export type LawFacts = {
  payload: LawPayload;
  /** The legal electronic date of submission. */
  submittedAt: Date;
  /** Each redirection to another body: the new body's receipt, in order. */
  redirects: readonly Date[];
  /** When the body announced the extension (at most one). */
  extendedAt: Date | null;
  decision: Decision | null;
  appeal: { filedAt: Date; decision: Decision | null } | null;
};

export type Window = { opensAt: Date; closesAt: Date; open: boolean };

export type LegalTimeline = {
  /** Receipt by the body that holds the request now (the submission, or the last redirection). */
  receivedAt: Date;
  answerDueAt: Date;
  /** Until when the current body may still redirect the request. */
  redirectUntil: Date;
  canRedirect: boolean;
  canExtend: boolean;
  /** pending: the clock runs; answered; silence: the deadline passed without an answer (a refusal). */
  answer: "pending" | "answered" | "silence";
  /** The appeal to the head of the body, once there is a decision or a silence. */
  appealToHead: null | (Window & { filedAt: Date | null; answerDueAt: Date | null; answer: "pending" | "answered" | "silence" | null });
  /** The appeal to INAI, once the head has decided or kept silent. */
  appealToInai: null | Window;
};

/** The first instant after a deadline: a silence becomes a refusal then (the day after the last day). */
export function silenceAt(dueAt: Date): Date {
  return new Date(dueAt.getTime() + 1);
}

function window(opensAt: Date, allowanceOf: Allowance, now: Date): Window {
  const closesAt = addAllowance(opensAt, allowanceOf);
  return { opensAt, closesAt, open: now.getTime() >= opensAt.getTime() && now.getTime() <= closesAt.getTime() };
}

/** The clock operations the facts imply (redirects restart it; the extension moves it), for the engine's computation. */
export function clockOps(f: Pick<LawFacts, "payload" | "redirects" | "extendedAt">, rules: LawRules = LAW_2016_22): ClockOp[] {
  const ops: ClockOp[] = f.redirects.map((at) => ({ at, op: "restart" as const, allowance: answerAllowance(f.payload, rules) }));
  if (f.extendedAt) ops.push({ at: f.extendedAt, op: "extend", allowance: rules.extension.allowance });
  return ops;
}

/** Everything the citizen and the body need to know about the request's deadlines now. */
export function legalTimeline(f: LawFacts, now: Date, rules: LawRules = LAW_2016_22): LegalTimeline {
  const receivedAt = f.redirects.length ? f.redirects[f.redirects.length - 1]! : f.submittedAt;
  const initial = answerAllowance(f.payload, rules);
  const answerDueAt = computeDeadline({ submittedAt: f.submittedAt, initial, ops: clockOps(f, rules) }).dueAt!;
  const decided = f.decision !== null;
  const overdue = !decided && now.getTime() > answerDueAt.getTime();
  const until = redirectUntil(receivedAt, rules);
  const extendable = "days" in initial && !f.extendedAt;

  let appealToHead: LegalTimeline["appealToHead"] = null;
  let appealToInai: LegalTimeline["appealToInai"] = null;
  const grounds = f.decision ? f.decision.at : overdue ? silenceAt(answerDueAt) : null;
  if (grounds) {
    const w = window(grounds, rules.appealToHead.allowance, now);
    if (f.appeal) {
      const answerDueAt = addAllowance(f.appeal.filedAt, rules.headAnswer.allowance);
      const headDecided = f.appeal.decision !== null;
      const headSilent = !headDecided && now.getTime() > answerDueAt.getTime();
      appealToHead = { ...w, open: false, filedAt: f.appeal.filedAt, answerDueAt, answer: headDecided ? "answered" : headSilent ? "silence" : "pending" };
      const inaiGrounds = f.appeal.decision ? f.appeal.decision.at : headSilent ? silenceAt(answerDueAt) : null;
      if (inaiGrounds) appealToInai = window(inaiGrounds, rules.appealToInai.allowance, now);
    } else {
      appealToHead = { ...w, filedAt: null, answerDueAt: null, answer: null };
    }
  }

  return {
    receivedAt,
    answerDueAt,
    redirectUntil: until,
    canRedirect: !decided && now.getTime() <= until.getTime(),
    canExtend: !decided && extendable && now.getTime() <= answerDueAt.getTime(),
    answer: decided ? "answered" : overdue ? "silence" : "pending",
    appealToHead,
    appealToInai,
  };
}
