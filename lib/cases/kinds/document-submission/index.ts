import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";
import { issueSubmissionReceipt } from "@/lib/documents/submission-receipts";
import { documentSubmissionPayloadSchema, type DocumentSubmissionPayload } from "./schema";

/**
 * A scanned-document submission (issue 16): the documents a procedure's catalogue entry lists,
 * scanned or photographed and sent online; the date of the electronic sending counts, fixed in a
 * signed receipt. The receiving body may ask for a missing or unreadable document (the clock waits
 * for the citizen); the citizen's addition comes back to "received" with a receipt of its own.
 * Filed only through its form: the payload is composed on the server from the catalogue.
 */
const T = (key: string) => `DocumentSubmission.${key}`;

export const documentSubmissionMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: T("status.received"), tone: "blue", clock: "running" },
    documentsRequested: { label: T("status.documentsRequested"), tone: "yellow", clock: "paused" },
    accepted: { label: T("status.accepted"), tone: "green", clock: "stopped", final: true },
    refused: { label: T("status.refused"), tone: "red", clock: "stopped", final: true },
    withdrawn: { label: "Cases.status.withdrawn", tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received"], to: "documentsRequested", by: ["staff"], label: T("actions.askDocument"), requiresMessage: true },
    // Only through the addition form on the case page (the files go with it, lib/documents).
    { from: ["documentsRequested"], to: "received", by: ["citizen"], label: T("actions.addDocuments") },
    { from: ["received"], to: "accepted", by: ["staff"], label: T("actions.accept") },
    { from: ["received", "documentsRequested"], to: "refused", by: ["staff"], label: T("actions.refuse"), requiresMessage: true },
    { from: ["received", "documentsRequested"], to: "withdrawn", by: ["citizen"], label: "Cases.actions.withdraw" },
  ],
});

export const documentSubmission = defineKind({
  id: "document-submission",
  schema: documentSubmissionPayloadSchema,
  machine: documentSubmissionMachine,
  formOnly: true,
  // Law 2016-22's 20 days unless the procedure publishes a shorter one.
  deadline: { initial: () => ({ days: 20 }), dueSoon: { days: 3 } },
  route: (p: DocumentSubmissionPayload) => ({ bodyId: p.bodyId }),
  // A procedure of "the municipality": the citizen's choice, else the counter's town; asked otherwise (place.ts).
  place: (p: DocumentSubmissionPayload) => ({ municipalityId: p.municipalityId }),
  messages: {
    name: T("kindName"),
    fields: { service: T("fields.service"), documents: T("fields.documents") },
  },
  // Received (sent, or a requested document added): the signed receipt of what arrived, same transaction.
  onEnter: {
    received: ({ tx, case: c, now }) => issueSubmissionReceipt({ tx, caseRow: c, now }),
  },
  title: (p) => `${p.title.ar} — ${p.title.fr}`,
  describe: (p, dataLang) => [
    ["service", dataLang ? p.title[dataLang] : `${p.title.ar} — ${p.title.fr}`],
    ["documents", p.documents.map((d) => (dataLang ? d.name[dataLang] : `${d.name.ar} / ${d.name.fr}`)).join(" · ")],
  ],
});
