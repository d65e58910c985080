import { findCategory, isComplaintBody } from "./categories";

/**
 * A complaint form opened from a service page ("I was asked for a document that is not on this
 * list"): the query the catalogue builds (lib/catalogue/missing-document.ts is the other half of
 * this contract: service, reason, version, body, document). Anything unexpected is ignored.
 */
export type ComplaintPrefill = {
  bodyId: string | null;
  serviceSlug: string | null;
  serviceVersion: number | null;
  reason: "document-not-listed" | null;
  documentAskedFor: string | null;
  category: string | null;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseComplaintPrefill(query: Record<string, string | string[] | undefined>): ComplaintPrefill {
  const one = (k: string) => {
    const v = query[k];
    return typeof v === "string" ? v : null;
  };
  const body = one("body");
  const bodyId = body && isComplaintBody(body) ? body : null;
  const service = one("service");
  const version = Number(one("version"));
  const reason = one("reason") === "document-not-listed" ? "document-not-listed" : null;
  const document = one("document")?.trim().slice(0, 200) || null;
  const category = reason && bodyId && findCategory(bodyId, "document-not-listed") ? "document-not-listed" : null;
  return {
    bodyId,
    serviceSlug: service && SLUG.test(service) && service.length <= 80 ? service : null,
    serviceVersion: Number.isSafeInteger(version) && version > 0 ? version : null,
    reason,
    documentAskedFor: reason ? document : null,
    category,
  };
}
