import { z } from "zod";
import { errorCodes } from "@/lib/errors";
import { text } from "@/lib/text/input";

/**
 * The partner API's contract: every operation, with the zod schemas its route parses and answers
 * with. The routes (app/api/v1/**) run through `partnerRoute(operation)` (server.ts), and the
 * OpenAPI document (openapi.ts) is generated from this same list, so the two cannot drift.
 * Pure (zod only): scripts read it to lint the document offline.
 */

export const scopes = ["cases:read", "cases:write", "bookings:read", "payments:confirm"] as const;
export type Scope = (typeof scopes)[number];
export function isScope(value: string): value is Scope {
  return (scopes as readonly string[]).includes(value);
}

/** The schemas of the document, by name (components.schemas). */
export const schemaRegistry = z.registry<{ id: string }>();
function named<S extends z.ZodType>(id: string, schema: S, description: string): S {
  // describe() makes a new schema: the one registered must be the one the operations use.
  const described = schema.describe(description) as S;
  schemaRegistry.add(described, { id });
  return described;
}

const reference = z
  .string()
  .regex(/^IDR-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{2}$/)
  .describe("The case reference the citizen knows, e.g. IDR-26-7K3F-9Q.");
const instant = z.iso.datetime();
const cursor = z.string().min(1).max(200).describe("The `nextCursor` of the previous page.");
const limit = z.coerce.number().int().min(1).max(100).default(25).describe("Items per page (1–100, default 25).");

export const ProblemBody = named(
  "Problem",
  z.object({
    error: z.object({
      code: z.enum(errorCodes).describe("A closed code: the HTTP status says the same in words."),
      key: z.string().optional().describe("A more precise message key (e.g. Cases.errors.transitionNotAllowed)."),
      fields: z.record(z.string(), z.string()).optional().describe("Per input field (dotted path), the message key of what is wrong."),
      values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  }),
  "Every error answer of the app's HTTP edge (lib/http/edge.ts): one shape, never a message from inside.",
);

export const CaseSummary = named(
  "CaseSummary",
  z.object({
    reference,
    kind: z.string().describe("The kind of case (question, complaint, municipal-report…)."),
    status: z.string().describe("The state in the kind's machine."),
    houseId: z.string().nullable(),
    submittedAt: instant,
    dueAt: instant.nullable(),
    closedAt: instant.nullable(),
    updatedAt: instant,
    version: z.number().int().describe("The number of events on the case; grows with every change."),
  }),
  "A case routed to the key's body.",
);

export const CaseEvent = named(
  "CaseEvent",
  z.object({
    seq: z.number().int(),
    at: instant,
    type: z.string(),
    visibility: z.enum(["public", "internal"]),
    actorRole: z.string().nullable(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    message: z.string().nullable(),
  }),
  "One entry of a case's timeline.",
);

export const CaseDetail = named(
  "CaseDetail",
  CaseSummary.extend({
    locale: z.string(),
    payload: z.record(z.string(), z.unknown()).describe("What the citizen sent, as the kind's schema validated it."),
    events: z.array(CaseEvent),
    transitions: z.array(z.string()).describe("The statuses the body may move the case to now."),
  }),
  "A case with its timeline.",
);

export const CasePage = named("CasePage", z.object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() }), "A page of cases, newest first.");

export const ReplyInput = named(
  "ReplyInput",
  z.object({ message: text().trim().min(1, "Cases.errors.messageRequired").max(5000, "Cases.errors.messageTooLong") }),
  "A public reply to the citizen.",
);

export const StatusInput = named(
  "StatusInput",
  z.object({
    to: z.string().min(1).max(60).describe("The status to move to; only the kind's machine decides whether it may."),
    message: text().trim().max(5000, "Cases.errors.messageTooLong").optional().describe("Required by some transitions (an answer, a closure)."),
    data: z.record(z.string(), z.unknown()).optional().describe("Structured facts some transitions ask for (a refusal reason…)."),
  }),
  "A status change through the case's machine.",
);

export const Booking = named(
  "Booking",
  z.object({
    reference: z.string(),
    topic: z.string(),
    status: z.string(),
    startsAt: instant,
    endsAt: instant,
    needsInterpreter: z.boolean(),
    caseReference: z.string().nullable(),
  }),
  "A remote interview booked with the body.",
);

export const BookingPage = named("BookingPage", z.object({ items: z.array(Booking), nextCursor: z.string().nullable() }), "A page of bookings, by start time.");

export const PaymentConfirmation = named(
  "PaymentConfirmation",
  z.object({
    reference: z.string(),
    state: z.enum(["created", "pending", "paid", "declined", "expired", "refunded"]),
    items: z.array(z.object({ reference: z.string(), amountMillimes: z.number().int() })).describe("The bills of the payment payable to the key's body."),
  }),
  "Where the payment stands after the confirmation was checked with the gateway.",
);

export const webhookEvents = ["case.routed"] as const;

export const WebhookEvent = named(
  "WebhookEvent",
  z.object({
    id: z.uuid().describe("The event's id: the same on every retry of it, so a receiver can drop a repeat."),
    type: z.enum(webhookEvents),
    createdAt: instant,
    data: z.object({
      reference,
      kind: z.string(),
      status: z.string(),
      bodyId: z.string().describe("The body the case was routed to: the endpoint's."),
      via: z.enum(["submitted", "redirected", "placed"]).describe("Filed to the body, redirected to it by another body, or placed in the town's municipality."),
      at: instant,
    }),
  }),
  "What Idarti POSTs to a body's webhook endpoint when a case is routed to it. Signed: `Idarti-Signature: v1=<hex HMAC-SHA256 of \"<Idarti-Timestamp>.<raw body>\">` with the endpoint's secret (the scheme of D17's callbacks); refuse a timestamp more than 300 s away. Read the case with a key (getCase). Retried with growing delays until a 2xx answer.",
);

export type HttpMethod = "get" | "post";

export type Operation = {
  id: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v1/cases/{reference}. */
  path: string;
  scope: Scope;
  summary: string;
  description: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  /** Writes honour `Idempotency-Key`. */
  idempotent?: boolean;
  success: { status: 200 | 201; schema: z.ZodType; description: string };
  /** The error answers this operation can give besides 401, 403 and 429 (every operation's). */
  errors: readonly (400 | 404 | 409 | 413 | 422)[];
};

const caseParams = z.object({ reference });

export const operations = [
  {
    id: "listCases",
    method: "get",
    path: "/api/v1/cases",
    scope: "cases:read",
    summary: "List the cases routed to the body",
    description: "Newest first, a page at a time: pass `nextCursor` back as `cursor` for the next page (stable while cases arrive).",
    query: z.object({ status: z.string().min(1).max(60).optional().describe("Only cases in this status."), cursor: cursor.optional(), limit }),
    success: { status: 200, schema: CasePage, description: "A page of cases." },
    errors: [422],
  },
  {
    id: "getCase",
    method: "get",
    path: "/api/v1/cases/{reference}",
    scope: "cases:read",
    summary: "Read a case with its timeline",
    description: "A case routed to another body is answered 404, exactly like one that does not exist.",
    params: caseParams,
    success: { status: 200, schema: CaseDetail, description: "The case." },
    errors: [404],
  },
  {
    id: "replyToCase",
    method: "post",
    path: "/api/v1/cases/{reference}/replies",
    scope: "cases:write",
    summary: "Reply to the citizen",
    description: "A public reply on the case's timeline; the citizen is notified. Send `Idempotency-Key` to make retries safe.",
    params: caseParams,
    body: ReplyInput,
    idempotent: true,
    success: { status: 201, schema: CaseSummary, description: "The reply was added." },
    errors: [400, 404, 409, 413, 422],
  },
  {
    id: "changeCaseStatus",
    method: "post",
    path: "/api/v1/cases/{reference}/status",
    scope: "cases:write",
    summary: "Move a case to another status",
    description: "Through the case kind's own machine, as the body's staff would: a move it does not allow is 409 (or 403 when only the citizen may make it).",
    params: caseParams,
    body: StatusInput,
    idempotent: true,
    success: { status: 200, schema: CaseSummary, description: "The case after the change." },
    errors: [400, 404, 409, 413, 422],
  },
  {
    id: "listBookings",
    method: "get",
    path: "/api/v1/bookings",
    scope: "bookings:read",
    summary: "List the body's interview bookings",
    description: "By start time, from `from` (default: now), a page at a time.",
    query: z.object({ from: instant.optional().describe("Bookings starting at or after this instant."), cursor: cursor.optional(), limit }),
    success: { status: 200, schema: BookingPage, description: "A page of bookings." },
    errors: [422],
  },
  {
    id: "confirmPayment",
    method: "post",
    path: "/api/v1/payments/{reference}/confirmation",
    scope: "payments:confirm",
    summary: "Confirm that a bill payment reached the body",
    description:
      "The body says it received the payment of its bills: the app asks the payment gateway and moves the payment forward only (never back), exactly as a D17 callback does. Safe to repeat.",
    params: z.object({ reference: z.string().regex(/^[A-Z0-9-]{6,40}$/).describe("The payment reference (sent to the biller with the payment).") }),
    success: { status: 200, schema: PaymentConfirmation, description: "Where the payment stands." },
    errors: [404],
  },
] as const satisfies readonly Operation[];

export type OperationId = (typeof operations)[number]["id"];
export type OperationOf<I extends OperationId> = Extract<(typeof operations)[number], { id: I }>;

export function operation<I extends OperationId>(id: I): OperationOf<I> {
  return operations.find((o) => o.id === id) as OperationOf<I>;
}

/** The error answers every operation can give: no or bad key, a scope it lacks, too many calls. */
export const commonErrors = [401, 403, 429] as const;
