import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { ImageRefused, reencodeImage, type GeoPoint } from "./image";
import { UPLOAD_LIMITS, acceptedMediaTypes, type AcceptedMediaType, type RefusalReason } from "./limits";
import { checkPdfObjects } from "./pdf-objects";
import { checkJpeg, checkPdf, checkPng, checkWebp } from "./structure";

/**
 * Everything the server does with an attachment before storing it, as one pure function of its
 * bytes: type by content (never by name or by what the browser says), size, structure, pixel
 * count, re-encoding of images. The name the citizen's phone gave is kept only as a label.
 */
export type InspectedUpload = {
  bytes: Buffer;
  mediaType: "image/jpeg" | "image/png" | "application/pdf";
  extension: "jpg" | "png" | "pdf";
  /** SHA-256 (hex) of the stored bytes, and of the bytes as received. */
  sha256: string;
  originalSha256: string;
  originalBytes: number;
  width: number | null;
  height: number | null;
  /** The photo's GPS position, only when the citizen chose to share it. */
  location: GeoPoint | null;
  /** A safe label for the file: the name without its path, control characters or extension. */
  label: string;
};

export class UploadRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`upload refused: ${reason}`);
    this.name = "UploadRefused";
  }
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

export function safeLabel(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "") // control and bidi-override characters
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .trim()
    .slice(0, 80);
  return clean || "file";
}

export async function inspectUpload(bytes: Buffer, opts: { name: string; keepLocation?: boolean }): Promise<InspectedUpload> {
  if (bytes.length === 0) throw new UploadRefused("empty");
  const sniffed = await fileTypeFromBuffer(bytes);
  const mime = sniffed?.mime;
  if (!mime || !(acceptedMediaTypes as readonly string[]).includes(mime)) throw new UploadRefused("typeNotAllowed", { detected: sniffed?.ext ?? "unknown" });
  const type = mime as AcceptedMediaType;
  const max = type === "application/pdf" ? UPLOAD_LIMITS.maxPdfBytes : UPLOAD_LIMITS.maxImageBytes;
  if (bytes.length > max) throw new UploadRefused("tooLarge", { maxMb: Math.round(max / 1024 / 1024) });

  const structure = type === "image/jpeg" ? checkJpeg(bytes) : type === "image/png" ? checkPng(bytes) : type === "image/webp" ? checkWebp(bytes) : checkPdf(bytes);
  if (!structure.ok) throw new UploadRefused(structure.reason);
  if (type === "application/pdf") {
    // The byte scan above is a fast first filter; the parser is the check (pdf-objects.ts).
    const objects = await checkPdfObjects(bytes);
    if (!objects.ok) throw new UploadRefused(objects.reason);
  }
  // Refuse a bomb from its header, before anything decodes it.
  if (structure.width && structure.height && structure.width * structure.height > UPLOAD_LIMITS.maxPixels) throw new UploadRefused("tooManyPixels");

  const label = safeLabel(opts.name);
  const base = { originalSha256: sha256(bytes), originalBytes: bytes.length, label };
  if (type === "application/pdf") {
    return { ...base, bytes, mediaType: type, extension: "pdf", sha256: base.originalSha256, width: null, height: null, location: null };
  }
  try {
    const image = await reencodeImage(bytes, { keepLocation: opts.keepLocation ?? false });
    return {
      ...base,
      bytes: image.bytes,
      mediaType: image.mediaType,
      extension: image.mediaType === "image/png" ? "png" : "jpg",
      sha256: sha256(image.bytes),
      width: image.width,
      height: image.height,
      location: image.location,
    };
  } catch (error) {
    if (error instanceof ImageRefused) throw new UploadRefused(error.reason);
    throw error;
  }
}
