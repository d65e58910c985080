import type { SubmittedDocument } from "./schema";

/**
 * The checklist of a scanned submission: for each document the procedure lists, the files
 * attached for it, and whether it is still missing. Only a mandatory document can be missing; an
 * "only if …" one is the citizen's to judge. Files whose document is not on the list are ignored
 * (the list is the catalogue's, complete by rule).
 */
export type ChecklistItem<F> = { document: SubmittedDocument; files: F[]; missing: boolean };

export function checklistOf<F extends { slot: string | null }>(documents: readonly SubmittedDocument[], files: readonly F[]): ChecklistItem<F>[] {
  return documents.map((document) => {
    const mine = files.filter((f) => f.slot === document.id);
    return { document, files: mine, missing: document.mandatory && mine.length === 0 };
  });
}

export function missingDocuments(documents: readonly SubmittedDocument[], files: readonly { slot: string | null }[]): SubmittedDocument[] {
  return checklistOf(documents, files)
    .filter((i) => i.missing)
    .map((i) => i.document);
}

/** A SHA-256 (64 hex digits) in four groups: it wraps on a phone and in a PDF column, and reads aloud in blocks. */
export function groupHash(sha256: string): string {
  return sha256.match(/.{1,16}/g)?.join(" ") ?? sha256;
}
