/**
 * The bodies whose officials take remote interviews, and the topics each handles. Ids only: the
 * names are in messages (Interviews.bodies.*, Interviews.topics.*). An official's availability
 * lists which of their body's topics they take.
 */
export const interviewBodies = {
  steg: ["billing", "connection", "meter"],
  sonede: ["billing", "connection", "quality"],
  cnam: ["reimbursement", "affiliation"],
  cnss: ["pension", "affiliation"],
  municipality: ["permits", "civilStatus", "complaints"],
} as const satisfies Record<string, readonly string[]>;

export type InterviewBodyId = keyof typeof interviewBodies;
export const interviewBodyIds = Object.keys(interviewBodies) as InterviewBodyId[];

export function isInterviewBody(value: string): value is InterviewBodyId {
  return Object.hasOwn(interviewBodies, value);
}

export function topicsOf(body: string): readonly string[] {
  return isInterviewBody(body) ? interviewBodies[body] : [];
}

/** Accounts belong to a body by its catalogue id; municipalities are "municipality-<town>". */
export function interviewBodyOfAccount(bodyId: string | null): InterviewBodyId | null {
  if (!bodyId) return null;
  if (isInterviewBody(bodyId)) return bodyId;
  if (bodyId.startsWith("municipality-")) return "municipality";
  return null;
}
