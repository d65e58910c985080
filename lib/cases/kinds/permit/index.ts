import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";
import { issuePermitDecision } from "@/lib/documents/permit-decisions";
import { decisionDays } from "./rules";
import { bilingual } from "../shared";
import { permitPayloadSchema, type PermitPayload } from "./schema";

/**
 * A building permit (issue 17). Sent complete (the server refuses an incomplete draft), it first
 * meets the municipality's completeness check: the clock has not started — the law counts 45 days
 * (60 / 90) from the complete file — so the case waits "paused" until staff find the file
 * complete; a resumed pause shifts the deadline by the days it lasted, which makes it run from
 * that day (lib/cases/deadline.ts). Missing documents go back to the citizen (still paused); the
 * addition comes back to the check. The commission reviews; the decision is issued signed.
 */
const T = (key: string) => `Permits.${key}`;

/** The works as the administration writes them (the engine's descriptions are plain text, in its two languages). */
const WORKS: Record<PermitPayload["worksType"], { ar: string; fr: string }> = {
  new: { ar: "بناء جديد", fr: "Construction nouvelle" },
  extension: { ar: "توسعة", fr: "Extension" },
  elevation: { ar: "تعلية", fr: "Surélévation" },
};

export const permitMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: T("status.received"), tone: "blue", clock: "paused" },
    documentsRequested: { label: T("status.documentsRequested"), tone: "yellow", clock: "paused" },
    underReview: { label: T("status.underReview"), tone: "blue", clock: "running" },
    commission: { label: T("status.commission"), tone: "purple", clock: "running" },
    granted: { label: T("status.granted"), tone: "green", clock: "stopped", final: true },
    grantedWithConditions: { label: T("status.grantedWithConditions"), tone: "green", clock: "stopped", final: true },
    refused: { label: T("status.refused"), tone: "red", clock: "stopped", final: true },
    withdrawn: { label: "Cases.status.withdrawn", tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received"], to: "documentsRequested", by: ["staff"], label: T("actions.askDocuments"), requiresMessage: true },
    // Only through the addition form on the case page (the files go with it).
    { from: ["documentsRequested"], to: "received", by: ["citizen"], label: T("actions.addDocuments") },
    { from: ["received"], to: "underReview", by: ["staff"], label: T("actions.fileComplete") },
    { from: ["underReview"], to: "commission", by: ["staff"], label: T("actions.toCommission") },
    { from: ["underReview", "commission"], to: "granted", by: ["staff"], label: T("actions.grant") },
    { from: ["underReview", "commission"], to: "grantedWithConditions", by: ["staff"], label: T("actions.grantWithConditions"), requiresMessage: true },
    { from: ["underReview", "commission"], to: "refused", by: ["staff"], label: T("actions.refuse"), requiresMessage: true },
    { from: ["received", "documentsRequested", "underReview"], to: "withdrawn", by: ["citizen"], label: "Cases.actions.withdraw" },
  ],
});

export const permit = defineKind({
  id: "permit",
  schema: permitPayloadSchema,
  machine: permitMachine,
  formOnly: true,
  deadline: { initial: (p: PermitPayload) => ({ days: decisionDays(p) }), dueSoon: { days: 5 } },
  route: (p: PermitPayload) => ({ bodyId: p.bodyId }),
  messages: {
    name: T("kindName"),
    fields: {
      addressArea: T("fields.addressArea"),
      address: T("fields.address"),
      worksType: T("fields.worksType"),
      floorArea: T("fields.floorArea"),
      delay: T("fields.delay"),
      architect: T("fields.architect"),
    },
  },
  // The decision is issued as a signed document in the transaction that decides (its PDF and /verify read it).
  onEnter: {
    granted: ({ tx, case: c, now, message }) => issuePermitDecision({ tx, caseRow: c, decision: "granted", text: message, now }),
    grantedWithConditions: ({ tx, case: c, now, message }) => issuePermitDecision({ tx, caseRow: c, decision: "grantedWithConditions", text: message, now }),
    refused: ({ tx, case: c, now, message }) => issuePermitDecision({ tx, caseRow: c, decision: "refused", text: message, now }),
  },
  title: (p) => `${p.addressArea} — ${p.address}`.slice(0, 120),
  describe: (p, dataLang) => [
    ["addressArea", p.addressArea],
    ["address", p.address],
    ["worksType", bilingual(WORKS[p.worksType], dataLang) ?? p.worksType],
    ["floorArea", `${p.floorArea} m²`],
    ["delay", `${decisionDays(p)}`],
    ["architect", `${p.architect.name} (${p.architect.registration})`],
  ],
});
