/**
 * The guidance layer's map (issue 18): every step of the citizen journeys a volunteer guides, and
 * the explanation each one has in the `Guidance` messages (what the page is for, what to have
 * ready, why it asks this). Pure data: the pages name their step, the session records it, the
 * volunteer's page and "explain this page" read the same keys. A step several journeys share
 * ("check your answers", "sent") has one explanation.
 */
export const explanations = {
  "complaint.body": true,
  "complaint.describe": true,
  "suggestion.form": true,
  "report.form": true,
  "information.form": true,
  "certificate.form": true,
  "documents.form": true,
  "interview.body": true,
  "interview.topic": true,
  "interview.slot": true,
  "interview.details": true,
  "interview.check": true,
  "interview.booked": true,
  "pay.choose": true,
  "pay.find": true,
  "pay.confirm": true,
  "pay.status": true,
  "pay.receipt": true,
  "common.check": true,
  "common.sent": true,
} as const;

export type StepKey = keyof typeof explanations;

export const journeys = ["complaint", "suggestion", "report", "information", "interview", "pay", "certificate", "documents"] as const;
export type Journey = (typeof journeys)[number];

/** Each journey's steps, in order. */
export const journeySteps: Record<Journey, readonly StepKey[]> = {
  complaint: ["complaint.body", "complaint.describe", "common.check", "common.sent"],
  suggestion: ["suggestion.form", "common.check", "common.sent"],
  report: ["report.form", "common.sent"],
  information: ["information.form", "common.check", "common.sent"],
  interview: ["interview.body", "interview.topic", "interview.slot", "interview.details", "interview.check", "interview.booked"],
  pay: ["pay.choose", "pay.find", "pay.confirm", "pay.status", "pay.receipt"],
  certificate: ["certificate.form", "common.sent"],
  documents: ["documents.form", "common.sent"],
};

export function isStepKey(value: unknown): value is StepKey {
  return typeof value === "string" && Object.hasOwn(explanations, value);
}

/** The journey a step belongs to; a shared step ("common.*") keeps the journey the citizen was on. */
export function journeyOf(step: StepKey, current: string | null): Journey | null {
  const own = step.split(".")[0] ?? "";
  if ((journeys as readonly string[]).includes(own)) return own as Journey;
  return current && (journeys as readonly string[]).includes(current) ? (current as Journey) : null;
}

/** The figure the issue asks for: steps with an explanation / all steps of the journeys. */
export function guidanceCoverage(has: (key: StepKey) => boolean = (k) => explanations[k]): { explained: number; total: number } {
  let explained = 0;
  let total = 0;
  for (const j of journeys)
    for (const s of journeySteps[j]) {
      total += 1;
      if (has(s)) explained += 1;
    }
  return { explained, total };
}

/** The message keys of a step's explanation. */
export function explanationKeys(step: StepKey): { what: string; ready: string; why: string } {
  const base = `steps.${step.replace(".", "_")}`;
  return { what: `${base}.what`, ready: `${base}.ready`, why: `${base}.why` };
}
