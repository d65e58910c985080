import type { DocumentSubmissionPayload } from "@/lib/cases/kinds/document-submission/schema";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";
import type { Service } from "./schema";

/**
 * The case a scanned submission makes, from the procedure's catalogue entry as it stands: its
 * version, its body (whose queue receives it), and its list of documents — mandatory unless the
 * catalogue says it is needed "only if …". Kept on the case, so the record says what was asked.
 * A procedure of "the municipality" carries the one the citizen chose (the engine places it, or
 * asks: lib/cases/engine/place.ts); other bodies have no municipality.
 */
export function scannedSubmissionPayload(service: Service, municipalityId?: string): DocumentSubmissionPayload {
  return {
    service: service.slug,
    version: service.version.number,
    bodyId: service.body,
    ...(service.body === GENERIC_MUNICIPALITY && municipalityId ? { municipalityId } : {}),
    title: { ar: service.title.ar, fr: service.title.fr, en: service.title.en },
    documents: service.documents.map((d) => ({ id: d.id, name: { ar: d.name.ar, fr: d.name.fr, en: d.name.en }, mandatory: !d.onlyIf && !d.when })),
  };
}
