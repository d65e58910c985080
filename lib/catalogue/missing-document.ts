/**
 * "I was asked for a document that is not on this list." The documents list of a service is the
 * complete list; a citizen asked for anything else can complain about it. The complaint form
 * belongs to the requests feature: this is the contract between the two (shape + URL).
 */
import { localePath, type Locale } from "@/lib/i18n/routing";

export const MISSING_DOCUMENT_REASON = "document-not-listed";

export type MissingDocumentReport = {
  serviceSlug: string;
  /** The catalogue version the citizen was reading: the list may have changed since. */
  serviceVersion: number;
  bodyId: string;
  documentAskedFor?: string;
};

export function missingDocumentReportPath(locale: Locale, report: MissingDocumentReport): string {
  const query = new URLSearchParams({
    service: report.serviceSlug,
    reason: MISSING_DOCUMENT_REASON,
    version: String(report.serviceVersion),
    body: report.bodyId,
  });
  if (report.documentAskedFor) query.set("document", report.documentAskedFor);
  return `${localePath(locale, "/requests/complaint/new")}?${query.toString()}`;
}

/** The complaint page's side: read the report back from its query, or null when it is not one. */
export function parseMissingDocumentReport(query: URLSearchParams): MissingDocumentReport | null {
  if (query.get("reason") !== MISSING_DOCUMENT_REASON) return null;
  const serviceSlug = query.get("service") ?? "";
  const bodyId = query.get("body") ?? "";
  const serviceVersion = Number(query.get("version"));
  if (!/^[a-z0-9-]{1,80}$/.test(serviceSlug) || !/^[a-z0-9-]{1,80}$/.test(bodyId) || !Number.isSafeInteger(serviceVersion) || serviceVersion < 1) {
    return null;
  }
  const documentAskedFor = query.get("document")?.trim().slice(0, 200) || undefined;
  return { serviceSlug, serviceVersion, bodyId, ...(documentAskedFor ? { documentAskedFor } : {}) };
}
