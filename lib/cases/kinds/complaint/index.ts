import { z } from "zod";
import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";
import { A, S, epeopleReference, bilingual, both, snippet, checkbox, description, notEscalatedYet, overdue, slug, withinReopenWindow } from "../shared";
import { categoryName, checksCategoryList, complaintQueue, findCategory, isComplaintBody } from "./categories";
import { text, nameText } from "@/lib/text/input";
import { municipalityField, requireMunicipalityChoice } from "@/lib/municipalities/fields";

/**
 * A complaint to a public body (or the municipality), in a category of that body. The body's
 * service level for the category (data) sets the deadline. The citizen may ask that their name
 * be kept out of anything public; the body still sees it.
 */
export const complaintSchema = z
  .object({
    bodyId: text({ error: "Complaint.errors.bodyRequired" }).refine(isComplaintBody, "Complaint.errors.bodyRequired"),
    /** Which municipality, when the body is "the municipality" (lib/municipalities). */
    municipalityId: municipalityField,
    category: text({ error: "Complaint.errors.categoryRequired" }).min(1, "Complaint.errors.categoryRequired"),
    /** A catalogue service the complaint is about (its slug and the version the citizen read). */
    serviceSlug: slug.optional(),
    serviceVersion: z.coerce.number().int().positive().optional(),
    /** "document-not-listed": asked for a document that is not on the service's list. */
    reason: z.enum(["document-not-listed"]).optional(),
    documentAskedFor: nameText().max(200, "Complaint.errors.documentTooLong").optional(),
    description: description("Complaint"),
    hideName: checkbox.default(false),
  })
  .superRefine((p, ctx) => {
    requireMunicipalityChoice(p, ctx);
    // The published list at filing time: a category removed since the form was shown is refused on its field.
    if (checksCategoryList() && !findCategory(p.bodyId, p.category)) ctx.addIssue({ code: "custom", path: ["category"], message: "Complaint.errors.categoryRequired" });
  });

export type ComplaintPayload = z.infer<typeof complaintSchema>;

export const complaintStates = {
  received: { label: S("received"), tone: "blue", clock: "running" },
  inProgress: { label: S("inProgress"), tone: "yellow", clock: "running" },
  waitingForCitizen: { label: S("waitingForCitizen"), tone: "purple", clock: "paused" },
  escalated: { label: S("escalated"), tone: "red", clock: "running" },
  resolved: { label: S("resolved"), tone: "green", clock: "stopped", final: true },
  rejected: { label: S("rejected"), tone: "grey", clock: "stopped", final: true },
  forwarded: { label: S("forwarded"), tone: "grey", clock: "stopped", final: true },
  withdrawn: { label: S("withdrawn"), tone: "grey", clock: "stopped", final: true },
} as const;

const open = ["received", "inProgress", "waitingForCitizen", "escalated"] as const;

export const complaintMachine = defineMachine({
  initial: "received",
  states: complaintStates,
  transitions: [
    { from: ["received", "escalated"], to: "inProgress", by: ["staff"], label: A("startWork") },
    { from: ["received", "inProgress", "escalated"], to: "waitingForCitizen", by: ["staff"], label: A("askCitizen"), requiresMessage: true },
    { from: ["waitingForCitizen"], to: "inProgress", by: ["citizen", "staff"], label: A("answerQuestion") },
    { from: open, to: "resolved", by: ["staff"], label: A("resolve"), requiresMessage: true },
    { from: open, to: "rejected", by: ["staff"], label: A("reject"), requiresMessage: true },
    // Handed to e-people (the Presidency's portal): the event carries the e-people reference.
    { from: open, to: "forwarded", by: ["staff"], label: A("forwardToEpeople"), requiresMessage: true, data: z.object({ epeopleReference }) },
    { from: ["received", "inProgress", "waitingForCitizen"], to: "escalated", by: ["citizen"], label: A("escalate"), guard: both(overdue, notEscalatedYet) },
    { from: ["resolved"], to: "inProgress", by: ["citizen"], label: A("reopen"), requiresMessage: true, guard: withinReopenWindow },
    { from: ["received", "inProgress", "waitingForCitizen"], to: "withdrawn", by: ["citizen"], label: A("withdraw") },
  ],
});

export const complaint = defineKind({
  id: "complaint",
  schema: complaintSchema,
  machine: complaintMachine,
  deadline: {
    // The service level published when the case is filed: the engine stores the deadline, so a
    // later change applies to new cases only.
    initial: (p: ComplaintPayload) => ({ days: findCategory(p.bodyId, p.category)?.serviceLevelDays ?? 20 }),
    dueSoon: { days: 2 },
  },
  route: (p: ComplaintPayload) => ({ bodyId: complaintQueue(p.bodyId, p.category) }),
  place: (p: ComplaintPayload) => ({ municipalityId: p.municipalityId }),
  redirect: {},
  messages: {
    name: "Complaint.kindName",
    fields: {
      bodyId: "Complaint.fields.bodyId",
      municipalityId: "Municipalities.field",
      category: "Complaint.fields.category",
      serviceSlug: "Complaint.fields.serviceSlug",
      documentAskedFor: "Complaint.fields.documentAskedFor",
      description: "Complaint.fields.description",
      hideName: "Complaint.fields.hideName",
    },
  },
  title: (p) => snippet(p.description),
  describe: (p, dataLang) => [
    ["bodyId", p.bodyId],
    ...(p.bodyId === "municipality" && p.municipalityId ? ([["municipalityId", p.municipalityId]] as [string, string][]) : []),
    ["category", bilingual(categoryName(p.bodyId, p.category) ?? undefined, dataLang) ?? p.category],
    ...(p.serviceSlug ? ([["serviceSlug", p.serviceSlug]] as [string, string][]) : []),
    ...(p.documentAskedFor ? ([["documentAskedFor", p.documentAskedFor]] as [string, string][]) : []),
    ["description", p.description],
  ],
});

