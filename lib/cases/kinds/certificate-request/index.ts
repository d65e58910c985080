import { defineKind } from "../../kind";
import { defineMachine } from "../../machine";
import { issueCertificate, revokeCertificate } from "@/lib/documents/certificates";
import { certificateRequestSchema, type CertificateRequestPayload } from "./schema";
import { findCertificateType, listCertificateTypes } from "./types";

/**
 * An administrative certificate (issue 16): the citizen asks for a type (types.json) in one of
 * the languages it exists in; the issuing body's staff check what the type says and approve —
 * the certificate is then issued as a signed document (lib/certificates) — or refuse with a
 * reason. An issued certificate can be revoked by its issuer; the verify page then says so.
 */
const T = (key: string) => `CertificateRequest.${key}`;

export const certificateMachine = defineMachine({
  initial: "received",
  states: {
    received: { label: T("status.received"), tone: "blue", clock: "running" },
    issued: { label: T("status.issued"), tone: "green", clock: "stopped", final: true },
    refused: { label: T("status.refused"), tone: "red", clock: "stopped", final: true },
    revoked: { label: T("status.revoked"), tone: "grey", clock: "stopped", final: true },
    withdrawn: { label: "Cases.status.withdrawn", tone: "grey", clock: "stopped", final: true },
  },
  transitions: [
    { from: ["received"], to: "issued", by: ["staff"], label: T("actions.approve") },
    { from: ["received"], to: "refused", by: ["staff"], label: T("actions.refuse"), requiresMessage: true },
    { from: ["issued"], to: "revoked", by: ["staff"], label: T("actions.revoke"), requiresMessage: true },
    { from: ["received"], to: "withdrawn", by: ["citizen"], label: "Cases.actions.withdraw" },
  ],
});

export const certificateRequest = defineKind({
  id: "certificate-request",
  schema: certificateRequestSchema,
  machine: certificateMachine,
  deadline: { initial: (p: CertificateRequestPayload) => ({ days: findCertificateType(p.certificateType)?.days ?? 5 }), dueSoon: { days: 1 } },
  route: (p: CertificateRequestPayload) => ({ bodyId: findCertificateType(p.certificateType)?.bodyId ?? "service-houses" }),
  place: (p: CertificateRequestPayload) => ({ municipalityId: p.municipalityId }),
  messages: {
    name: T("kindName"),
    fields: { certificateType: T("fields.certificateType"), municipalityId: "Municipalities.field", language: T("fields.language"), purpose: T("fields.purpose") },
  },
  // Approved: the certificate is issued (signed) in the same transaction; revoked: it is marked so.
  onEnter: {
    issued: ({ tx, case: c, now }) => issueCertificate({ tx, caseRow: c, payload: c.payload as CertificateRequestPayload, now }),
    revoked: ({ tx, case: c, now, message }) => revokeCertificate({ tx, caseRow: c, now, reason: message ?? "" }),
  },
  title: (p) => {
    const type = findCertificateType(p.certificateType);
    return type ? `${type.name.ar} — ${type.name.fr}` : p.certificateType;
  },
  describe: (p, dataLang) => {
    const type = findCertificateType(p.certificateType);
    const name = type ? (dataLang ? type.name[dataLang] : `${type.name.ar} — ${type.name.fr}`) : p.certificateType;
    return [["certificateType", name], ...(p.municipalityId ? ([["municipalityId", p.municipalityId]] as [string, string][]) : []), ["language", p.language === "ar" ? "العربية" : "Français"], ...(p.purpose ? ([["purpose", p.purpose]] as [string, string][]) : [])];
  },
});

export { listCertificateTypes };
