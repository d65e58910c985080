import type { DocumentSubmissionPayload } from "@/lib/cases/kinds/document-submission/schema";
import type { Service } from "./schema";

/**
 * The case a scanned submission makes, from the procedure's catalogue entry as it stands: its
 * version, its body (whose queue receives it), and its list of documents — mandatory unless the
 * catalogue says it is needed "only if …". Kept on the case, so the record says what was asked.
 */
export function scannedSubmissionPayload(service: Service): DocumentSubmissionPayload {
  return {
    service: service.slug,
    version: service.version.number,
    bodyId: service.body,
    title: { ar: service.title.ar, fr: service.title.fr, en: service.title.en },
    documents: service.documents.map((d) => ({ id: d.id, name: { ar: d.name.ar, fr: d.name.fr, en: d.name.en }, mandatory: !d.onlyIf && !d.when })),
  };
}
