import { inflateSync } from "node:zlib";
import type { RefusalReason } from "./limits";

/**
 * Structural checks that a content sniffer does not make. A sniffer reads the first bytes; a
 * polyglot is a file that is a valid picture (or PDF) at its start and something else too — a
 * ZIP or an executable after the image's end, a script in a comment or a metadata chunk, a PDF
 * that runs JavaScript. Images are re-encoded afterwards (which would drop such payloads), but we
 * refuse them outright: nobody sends one by accident, and a PDF is stored as sent.
 */
export type StructureResult = { ok: true; width?: number; height?: number } | { ok: false; reason: RefusalReason };

const textSignatures = ["<script", "<?php", "<html", "<iframe", "<object", "<embed", "<svg", "javascript:", "<%@", "#!/"];
const binarySignatures = [Buffer.from("%PDF-"), Buffer.from("PK\x03\x04", "latin1"), Buffer.from("\x7fELF", "latin1"), Buffer.from("Rar!\x1a\x07", "latin1"), Buffer.from("7z\xbc\xaf\x27\x1c", "latin1")];

/** Active content (markup, scripts, archives, executables) inside bytes that should only describe a picture. */
export function hasActiveSignature(bytes: Buffer): boolean {
  const text = bytes.toString("latin1").toLowerCase();
  if (textSignatures.some((s) => text.includes(s))) return true;
  if (binarySignatures.some((sig) => bytes.includes(sig))) return true;
  // A DOS/PE executable: "MZ" whose header points at a "PE\0\0" signature.
  for (let i = bytes.indexOf("MZ", 0, "latin1"); i !== -1 && i + 0x40 <= bytes.length; i = bytes.indexOf("MZ", i + 1, "latin1")) {
    const pe = i + bytes.readUInt32LE(i + 0x3c);
    if (pe + 4 <= bytes.length && bytes.toString("latin1", pe, pe + 4) === "PE\0\0") return true;
  }
  return false;
}

/** Bytes after the end of an image: empty or padding is harmless; a phone's motion-photo video is too. */
function trailerIsHarmless(trailer: Buffer): boolean {
  if (trailer.every((b) => b === 0 || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return true;
  // Motion photos (Google "MotionPhoto", Samsung) append an MP4 after the JPEG; it is dropped on re-encoding.
  const isMp4 = trailer.length > 12 && trailer.toString("latin1", 4, 8) === "ftyp";
  const samsung = trailer.toString("latin1", trailer.length - 4) === "SEFT";
  return (isMp4 || samsung) && !hasActiveSignature(trailer.subarray(0, 4096));
}

// ── JPEG ──────────────────────────────────────────────────────────────────────────────────

export function checkJpeg(buf: Buffer): StructureResult {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return { ok: false, reason: "damaged" };
  let i = 2;
  let width: number | undefined;
  let height: number | undefined;
  const readMarker = (): number | null => {
    if (buf[i] !== 0xff) return null;
    while (buf[i] === 0xff) i++; // fill bytes
    if (i >= buf.length) return null;
    return buf[i++]!;
  };
  while (i < buf.length) {
    const marker = readMarker();
    if (marker === null) return { ok: false, reason: "damaged" };
    if (marker === 0xd9) {
      return trailerIsHarmless(buf.subarray(i)) ? { ok: true, width, height } : { ok: false, reason: "activeContent" };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (i + 2 > buf.length) return { ok: false, reason: "damaged" };
    const length = buf.readUInt16BE(i);
    if (length < 2 || i + length > buf.length) return { ok: false, reason: "damaged" };
    const payload = buf.subarray(i + 2, i + length);
    // APPn and COM segments carry metadata; nothing in them should be markup or an archive.
    if (((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) && hasActiveSignature(payload)) return { ok: false, reason: "activeContent" };
    // SOF markers (except DHT c4, JPG c8, DAC cc) give the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && payload.length >= 5) {
      height = payload.readUInt16BE(1);
      width = payload.readUInt16BE(3);
    }
    i += length;
    if (marker === 0xda) {
      // Entropy-coded data: runs until a marker that is neither a stuffed 0xFF00 nor a restart.
      while (i < buf.length - 1) {
        if (buf[i] === 0xff && buf[i + 1] !== 0x00 && !(buf[i + 1]! >= 0xd0 && buf[i + 1]! <= 0xd7) && buf[i + 1] !== 0xff) break;
        i++;
      }
      if (i >= buf.length - 1) return { ok: false, reason: "damaged" }; // truncated: no end of image
    }
  }
  return { ok: false, reason: "damaged" };
}

// ── PNG ───────────────────────────────────────────────────────────────────────────────────

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function checkPng(buf: Buffer): StructureResult {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return { ok: false, reason: "damaged" };
  let i = 8;
  let width: number | undefined;
  let height: number | undefined;
  while (i + 12 <= buf.length) {
    const length = buf.readUInt32BE(i);
    const type = buf.toString("latin1", i + 4, i + 8);
    if (i + 12 + length > buf.length) return { ok: false, reason: "damaged" };
    const data = buf.subarray(i + 8, i + 8 + length);
    if (crc32(buf.subarray(i + 4, i + 8 + length)) !== buf.readUInt32BE(i + 8 + length)) return { ok: false, reason: "damaged" };
    if (type === "IHDR" && length >= 8) {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === "tEXt" || type === "iTXt") {
      if (hasActiveSignature(data)) return { ok: false, reason: "activeContent" };
    }
    if (type === "zTXt") {
      const sep = data.indexOf(0);
      try {
        const text = inflateSync(data.subarray(sep + 2), { maxOutputLength: 1024 * 1024 });
        if (hasActiveSignature(text)) return { ok: false, reason: "activeContent" };
      } catch {
        return { ok: false, reason: "damaged" };
      }
    }
    i += 12 + length;
    if (type === "IEND") return trailerIsHarmless(buf.subarray(i)) ? { ok: true, width, height } : { ok: false, reason: "activeContent" };
  }
  return { ok: false, reason: "damaged" };
}

// ── WebP ──────────────────────────────────────────────────────────────────────────────────

export function checkWebp(buf: Buffer): StructureResult {
  if (buf.length < 16 || buf.toString("latin1", 0, 4) !== "RIFF" || buf.toString("latin1", 8, 12) !== "WEBP") return { ok: false, reason: "damaged" };
  const end = 8 + buf.readUInt32LE(4);
  if (end > buf.length) return { ok: false, reason: "damaged" };
  for (let i = 12; i + 8 <= end; ) {
    const type = buf.toString("latin1", i, i + 4);
    const size = buf.readUInt32LE(i + 4);
    if (i + 8 + size > end) return { ok: false, reason: "damaged" };
    if ((type === "EXIF" || type === "XMP ") && hasActiveSignature(buf.subarray(i + 8, i + 8 + size))) return { ok: false, reason: "activeContent" };
    i += 8 + size + (size % 2);
  }
  return trailerIsHarmless(buf.subarray(end)) ? { ok: true } : { ok: false, reason: "activeContent" };
}

// ── PDF ───────────────────────────────────────────────────────────────────────────────────

/** Names of PDF features that run code, open other files or carry other files. */
const dangerousPdfNames = ["/javascript", "/js", "/launch", "/embeddedfile", "/embeddedfiles", "/richmedia", "/xfa", "/submitform", "/importdata", "/gotoe", "/gotor"];

/** PDF names may hide letters as #xx (/J#61vaScript): decode them before looking. */
function decodePdfNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function hasDangerousName(text: string): boolean {
  const names = decodePdfNames(text).toLowerCase().match(/\/[a-z]+/g) ?? [];
  return names.some((n) => dangerousPdfNames.includes(n));
}

export function checkPdf(buf: Buffer): StructureResult {
  // A PDF reader accepts a header anywhere in the first KiB; we accept it only at the start, so the
  // file cannot also be something else (an HTML page, a ZIP) before it.
  if (!/^%PDF-[12]\.\d/.test(buf.toString("latin1", 0, 8))) return { ok: false, reason: "damaged" };
  const tail = buf.toString("latin1", Math.max(0, buf.length - 1024));
  const eof = tail.lastIndexOf("%%EOF");
  if (eof === -1) return { ok: false, reason: "damaged" }; // truncated
  if (tail.slice(eof + 5).trim() !== "") return { ok: false, reason: "activeContent" }; // something appended after the PDF
  const text = buf.toString("latin1");
  // Names are looked for outside stream bodies (compressed bytes would match "/JS" by chance),
  // and inside the object streams where PDF 1.5 files keep compressed objects.
  const outside: string[] = [];
  const streamRe = /stream\r?\n/g;
  let from = 0;
  let inflated = 0;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(text))) {
    const start = m.index + m[0].length;
    const stop = text.indexOf("endstream", start);
    if (stop === -1) return { ok: false, reason: "damaged" };
    outside.push(text.slice(from, m.index));
    const dict = text.slice(Math.max(from, m.index - 512), m.index);
    if (/\/Type\s*\/ObjStm/.test(dict)) {
      let out: Buffer;
      try {
        out = /\/FlateDecode/.test(dict) ? inflateSync(buf.subarray(start, stop), { maxOutputLength: 8 * 1024 * 1024, finishFlush: 2 /* Z_SYNC_FLUSH */ }) : buf.subarray(start, stop);
      } catch {
        return { ok: false, reason: "damaged" };
      }
      inflated += out.length;
      if (inflated > 64 * 1024 * 1024) return { ok: false, reason: "tooLarge" }; // a compression bomb
      if (hasDangerousName(out.toString("latin1"))) return { ok: false, reason: "activeContent" };
    }
    from = stop + "endstream".length;
    streamRe.lastIndex = from;
  }
  outside.push(text.slice(from));
  if (hasDangerousName(outside.join("\n"))) return { ok: false, reason: "activeContent" };
  return { ok: true };
}
