import { z } from "zod";
import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";
import { SUGGESTION_DAYS, isComplaintBody } from "../complaint/categories";
import { A, S, epeopleReference, checkbox, description, slug, snippet } from "../shared";
import { text } from "@/lib/text/input";
import { municipalityField, requireMunicipalityChoice } from "@/lib/municipalities/fields";

/** A suggestion to a body: no category, an answer within the programme's standard (data, 30 days). */
export const suggestionSchema = z.object({
  bodyId: text({ error: "Suggestion.errors.bodyRequired" }).refine(isComplaintBody, "Suggestion.errors.bodyRequired"),
  /** Which municipality, when the body is "the municipality" (lib/municipalities). */
  municipalityId: municipalityField,
  serviceSlug: slug.optional(),
  description: description("Suggestion"),
  hideName: checkbox.default(false),
}).superRefine(requireMunicipalityChoice);
export type SuggestionPayload = z.infer<typeof suggestionSchema>;

export const suggestionMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: S("received"), tone: "blue", clock: "running" },
    underReview: { label: S("underReview"), tone: "yellow", clock: "running" },
    adopted: { label: S("adopted"), tone: "green", clock: "stopped", final: true },
    answered: { label: S("answered"), tone: "green", clock: "stopped", final: true },
    forwarded: { label: S("forwarded"), tone: "grey", clock: "stopped", final: true },
    withdrawn: { label: S("withdrawn"), tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received"], to: "underReview", by: ["staff"], label: A("startReview") },
    { from: ["received", "underReview"], to: "adopted", by: ["staff"], label: A("adopt"), requiresMessage: true },
    { from: ["received", "underReview"], to: "answered", by: ["staff"], label: A("answer"), requiresMessage: true },
    { from: ["received", "underReview"], to: "forwarded", by: ["staff"], label: A("forwardToEpeople"), requiresMessage: true, data: z.object({ epeopleReference }) },
    { from: ["received", "underReview"], to: "withdrawn", by: ["citizen"], label: A("withdraw") },
  ],
});

export const suggestion = defineKind({
  id: "suggestion",
  schema: suggestionSchema,
  machine: suggestionMachine,
  deadline: { initial: () => ({ days: SUGGESTION_DAYS }), dueSoon: { days: 3 } },
  route: (p: SuggestionPayload) => ({ bodyId: p.bodyId }),
  place: (p: SuggestionPayload) => ({ municipalityId: p.municipalityId }),
  redirect: {},
  messages: {
    name: "Suggestion.kindName",
    fields: { bodyId: "Suggestion.fields.bodyId", municipalityId: "Municipalities.field", serviceSlug: "Suggestion.fields.serviceSlug", description: "Suggestion.fields.description" },
  },
  title: (p) => snippet(p.description),
  describe: (p) => [["bodyId", p.bodyId], ...(p.bodyId === "municipality" && p.municipalityId ? ([["municipalityId", p.municipalityId]] as [string, string][]) : []), ...(p.serviceSlug ? ([["serviceSlug", p.serviceSlug]] as [string, string][]) : []), ["description", p.description]],
});
