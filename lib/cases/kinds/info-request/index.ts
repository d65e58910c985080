import { z } from "zod";
import { defineKind } from "../../kind";
import { defineMachine, type GuardContext } from "../../machine";
import { isComplaintBody } from "../complaint/categories";
import { A, S, checkbox, snippet } from "../shared";
import { LAW_2016_22, accessForms, answerAllowance, legalTimeline, type LawFacts, type LegalTimeline } from "./law-2016-22";
import { nameText, text } from "@/lib/text/input";
import { municipalityField, requireMunicipalityChoice } from "@/lib/municipalities/fields";

/**
 * A request for access to information under organic law 2016-22: who asks (a person with an
 * address, or a company with its seat), of which body, what information, in which form, and
 * whether a life or liberty is at stake. No reason is asked — the law asks none.
 */
export const refusalReasons = ["notHeld", "exception-security", "exception-privacy", "exception-third-party", "exception-investigation", "alreadyPublished", "unclear"] as const;

/** One line (a name, an address) or free text (the information asked for). */
const field = (key: string, min: number, max: number, line = false) =>
  (line ? nameText : text)({ error: `InfoRequest.errors.${key}Required` })
    .trim()
    .min(1, `InfoRequest.errors.${key}Required`)
    .min(min, `InfoRequest.errors.${key}TooShort`)
    .max(max, `InfoRequest.errors.${key}TooLong`);

export const infoRequestSchema = z.object({
  requesterType: z.enum(["person", "company"], { error: "InfoRequest.errors.requesterTypeRequired" }),
  /** The person's full name, or the company's name. */
  name: field("name", 2, 200, true),
  /** The person's address, or the company's seat. */
  address: field("address", 5, 300, true),
  bodyId: text({ error: "InfoRequest.errors.bodyRequired" }).refine(isComplaintBody, "InfoRequest.errors.bodyRequired"),
  /** Which municipality, when the body is "the municipality" (lib/municipalities). */
  municipalityId: municipalityField,
  information: field("information", 10, 5000),
  accessForm: z.enum(accessForms, { error: "InfoRequest.errors.accessFormRequired" }),
  lifeOrLiberty: checkbox.default(false),
}).superRefine(requireMunicipalityChoice);
export type InfoRequestPayload = z.infer<typeof infoRequestSchema>;

const DECISIONS = { answered: "granted", refused: "refused" } as const;
const HEAD_DECISIONS = { appealGranted: "granted", appealRefused: "refused" } as const;

/** The law's facts, read from the case's history (redirections, extension, decisions, appeal). */
export function lawFactsOf(ctx: Pick<GuardContext, "payload" | "submittedAt" | "history">): LawFacts {
  const p = ctx.payload as InfoRequestPayload;
  const facts: LawFacts = { payload: p, submittedAt: ctx.submittedAt, redirects: [], extendedAt: null, decision: null, appeal: null };
  const redirects: Date[] = [];
  for (const e of ctx.history) {
    if (e.type === "redirected") redirects.push(e.at);
    if (e.type === "deadlineAdjusted" && e.data?.adjustment === "extension") facts.extendedAt ??= e.at;
    if (e.type === "statusChanged" && e.toStatus && e.toStatus in DECISIONS && !facts.appeal) {
      facts.decision ??= { at: e.at, outcome: DECISIONS[e.toStatus as keyof typeof DECISIONS] };
    }
    if (e.type === "statusChanged" && e.toStatus === "appealed") facts.appeal ??= { filedAt: e.at, decision: null };
    if (e.type === "statusChanged" && e.toStatus && e.toStatus in HEAD_DECISIONS && facts.appeal) {
      facts.appeal.decision ??= { at: e.at, outcome: HEAD_DECISIONS[e.toStatus as keyof typeof HEAD_DECISIONS] };
    }
  }
  return { ...facts, redirects };
}

export function timelineOf(ctx: Pick<GuardContext, "payload" | "submittedAt" | "history" | "now">): LegalTimeline {
  return legalTimeline(lawFactsOf(ctx), ctx.now);
}

const canAppeal = (ctx: GuardContext) => (timelineOf(ctx).appealToHead?.open ? null : "InfoRequest.errors.appealNotOpen");
const canRedirect = (ctx: GuardContext) => (timelineOf(ctx).canRedirect ? null : "InfoRequest.errors.redirectTooLate");
const canExtend = (ctx: GuardContext) => (timelineOf(ctx).canExtend ? null : "InfoRequest.errors.extensionNotAllowed");

export const infoRequestMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: S("received"), tone: "blue", clock: "running" },
    inProgress: { label: S("inProgress"), tone: "yellow", clock: "running" },
    answered: { label: S("answered"), tone: "green", clock: "stopped", final: true },
    refused: { label: S("refused"), tone: "red", clock: "stopped", final: true },
    appealed: { label: S("appealed"), tone: "purple", clock: "running" },
    appealGranted: { label: S("appealGranted"), tone: "green", clock: "stopped", final: true },
    appealRefused: { label: S("appealRefused"), tone: "red", clock: "stopped", final: true },
    withdrawn: { label: S("withdrawn"), tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received"], to: "inProgress", by: ["staff"], label: A("accept") },
    { from: ["received", "inProgress"], to: "answered", by: ["staff"], label: A("answer"), requiresMessage: true },
    // The reason is chosen from a list (data.reason) and explained in the message.
    { from: ["received", "inProgress"], to: "refused", by: ["staff"], label: A("refuse"), requiresMessage: true, data: z.object({ reason: z.enum(refusalReasons, { error: "InfoRequest.errors.refusalReasonRequired" }) }) },
    // The appeal to the head of the body: after a decision, or after a silence (a refusal by law).
    { from: ["received", "inProgress", "answered", "refused"], to: "appealed", by: ["citizen"], label: A("appeal"), requiresMessage: true, adjustment: "appeal", guard: canAppeal },
    { from: ["appealed"], to: "appealGranted", by: ["staff"], label: A("grantAppeal"), requiresMessage: true },
    { from: ["appealed"], to: "appealRefused", by: ["staff"], label: A("refuseAppeal"), requiresMessage: true },
    { from: ["received", "inProgress"], to: "withdrawn", by: ["citizen"], label: A("withdraw") },
  ],
});

const allowance = (key: "answer" | "onSiteConsultation" | "lifeOrLiberty") => LAW_2016_22[key].allowance;

export const infoRequest = defineKind({
  id: "info-request",
  schema: infoRequestSchema,
  machine: infoRequestMachine,
  deadline: {
    initial: (p: InfoRequestPayload) => answerAllowance(p),
    dueSoon: { days: 3 },
    adjustments: {
      extension: { op: "extend", allowance: LAW_2016_22.extension.allowance, max: LAW_2016_22.extension.max, guard: canExtend },
      // A redirection gives the competent body the request's full allowance again.
      redirect: { op: "restart", allowance: allowance("answer") },
      redirectOnSite: { op: "restart", allowance: allowance("onSiteConsultation") },
      redirectUrgent: { op: "restart", allowance: allowance("lifeOrLiberty") },
      appeal: { op: "restart", allowance: LAW_2016_22.headAnswer.allowance },
    },
  },
  route: (p: InfoRequestPayload) => ({ bodyId: p.bodyId }),
  place: (p: InfoRequestPayload) => ({ municipalityId: p.municipalityId }),
  redirect: {
    adjustment: (p: InfoRequestPayload) => (p.lifeOrLiberty ? "redirectUrgent" : p.accessForm === "consultation" ? "redirectOnSite" : "redirect"),
    toStatus: "received",
    guard: canRedirect,
  },
  messages: {
    name: "InfoRequest.kindName",
    fields: {
      requesterType: "InfoRequest.fields.requesterType",
      name: "InfoRequest.fields.name",
      address: "InfoRequest.fields.address",
      bodyId: "InfoRequest.fields.bodyId",
      municipalityId: "Municipalities.field",
      information: "InfoRequest.fields.information",
      accessForm: "InfoRequest.fields.accessForm",
      lifeOrLiberty: "InfoRequest.fields.lifeOrLiberty",
    },
  },
  title: (p) => snippet(p.information),
  describe: (p) => [
    ...(p.bodyId === "municipality" && p.municipalityId ? ([["municipalityId", p.municipalityId]] as [string, string][]) : []),
    ["name", p.name],
    ["address", p.address],
    ["information", p.information],
    ["accessForm", p.accessForm],
    ["lifeOrLiberty", p.lifeOrLiberty ? "✓" : "—"],
  ],
});
