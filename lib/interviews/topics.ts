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

/**
 * Catalogue services whose questions an interview topic covers ("talk to an official about
 * this" on the service page). A service of an interview body that is not listed opens the
 * booking with the body chosen and the topic left to the citizen.
 */
const serviceTopics: Record<string, string> = {
  "pay-steg-bill": "billing",
  "steg-bill-complaint": "billing",
  "steg-new-connection": "connection",
  "steg-contract-transfer": "connection",
  "pay-sonede-bill": "billing",
  "sonede-new-connection": "connection",
  "sonede-contract-transfer": "connection",
  "cnam-reimbursement": "reimbursement",
  "cnam-affiliation-certificate": "affiliation",
  "cnam-care-system": "affiliation",
  "cnss-affiliation-certificate": "affiliation",
  "cnss-career-statement": "pension",
  "cnss-retirement-pension": "pension",
  "building-permit": "permits",
  "occupancy-permit": "permits",
  "birth-certificate": "civilStatus",
  "signature-legalisation": "civilStatus",
  "certified-copy": "civilStatus",
  "municipal-report": "complaints",
};

/** The booking's query (body, and topic when it maps) for a catalogue service, or null. */
export function interviewQueryForService(service: { slug: string; body: string }): { body: InterviewBodyId; topic?: string } | null {
  const body = interviewBodyOfAccount(service.body);
  if (!body) return null;
  const topic = serviceTopics[service.slug];
  return topic && topicsOf(body).includes(topic) ? { body, topic } : { body };
}
