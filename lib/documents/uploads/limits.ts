/**
 * What an attachment may be, as data: shown to the citizen before they choose a file (so a
 * limit is explained before an upload fails) and enforced on the server.
 */
export const UPLOAD_LIMITS = {
  /** Attachments per case. */
  maxFiles: 5,
  /** A photo straight from a phone's camera (without JavaScript nothing resizes it first). */
  maxImageBytes: 10 * 1024 * 1024,
  maxPdfBytes: 5 * 1024 * 1024,
  /** Above this the image is refused before it is decoded (decompression bombs). */
  maxPixels: 40_000_000,
  /** Longest side of a stored image, on the phone and again on the server. */
  maxSide: 1600,
  /** What the phone aims for after resizing. */
  targetBytes: 500 * 1024,
  jpegQuality: 80,
} as const;

/** A scanned-document submission (lib/documents/scanned-submissions.ts) holds more files than a complaint. */
export const SCAN_LIMITS = {
  /** Files in one submission, all documents together (a procedure lists up to about 6). */
  maxFiles: 15,
  /** Files for one document (pages photographed one by one). */
  maxPerDocument: 5,
} as const;

/**
 * A building-permit file (lib/permits) holds the plans of a whole project: up to 40 files, 5 per
 * listed document. Its draft key is `permit-<draft id>`.
 */
export const PERMIT_UPLOAD_LIMITS = { maxFiles: 40, maxPerDocument: 5 } as const;
export const PERMIT_DRAFT_PREFIX = "permit-";

/** The limits of the form a draft key belongs to, for files sent in pieces (lib/documents/uploads/resumable.ts). */
export function draftUploadLimits(draftKey: string, slotted: boolean): { maxFiles: number; maxPerDocument: number } {
  if (draftKey.startsWith(PERMIT_DRAFT_PREFIX)) return PERMIT_UPLOAD_LIMITS;
  return slotted ? SCAN_LIMITS : { maxFiles: UPLOAD_LIMITS.maxFiles, maxPerDocument: UPLOAD_LIMITS.maxFiles };
}

export const acceptedMediaTypes = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

/** For the file input's `accept` attribute: a hint to the phone's picker, never a check. */
export const acceptAttribute = "image/jpeg,image/png,image/webp,application/pdf";

export const refusalReasons = ["empty", "tooLarge", "typeNotAllowed", "tooManyPixels", "damaged", "activeContent", "tooMany"] as const;
export type RefusalReason = (typeof refusalReasons)[number];
