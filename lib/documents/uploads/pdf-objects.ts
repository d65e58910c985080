import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFName, PDFParser, PDFRawStream, type PDFObject } from "pdf-lib";
import type { StructureResult } from "./structure";

/**
 * A PDF read as a PDF reader reads it (issue 12, point 3): pdf-lib's parser walks the file from
 * the first byte to the last, every indirect object — those of incremental updates that a newer
 * one replaces, and those inside object streams (decompressed) — and every name in them, with
 * #xx escapes decoded (/J#61vaScript is /JavaScript). The byte scan of structure.ts stays in
 * front as a fast first filter; this is the check that a file cannot walk around (strings that
 * contain "stream", an /ObjStm far from its header, names spelt with escapes).
 *
 * Refused: JavaScript, launch actions, embedded files and attachments, XFA forms, rich media,
 * form submission, imports, remote/embedded go-to; encrypted files (their object streams cannot be
 * read, so they cannot be checked); object-stream-shaped streams that do not say so; anything the
 * parser cannot read.
 */
const DANGEROUS = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "EF", "FileAttachment", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE", "GoToR"].map((n) => n.toLowerCase()));

/** All object streams of one file may decompress to this much at most (a compression bomb). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 64;

class Refusal extends Error {
  constructor(readonly result: StructureResult & { ok: false }) {
    super(result.reason);
  }
}

// pdf-lib wraps errors thrown while it parses an object ("invalid object"): the first refusal of
// a parse is kept aside so the reason given is the real one.
type State = { refusal: Refusal | null };
function refuse(state: State, result: StructureResult & { ok: false }): never {
  const r = new Refusal(result);
  state.refusal ??= r;
  throw r;
}

function nameOf(n: PDFName): string {
  return n.decodeText().toLowerCase();
}

function walk(obj: PDFObject, depth: number, state: State): void {
  if (depth > MAX_DEPTH) refuse(state, { ok: false, reason: "damaged" });
  if (obj instanceof PDFName) {
    if (DANGEROUS.has(nameOf(obj))) refuse(state, { ok: false, reason: "activeContent" });
  } else if (obj instanceof PDFDict) {
    for (const [key, value] of obj.entries()) {
      walk(key, depth + 1, state);
      walk(value, depth + 1, state);
    }
  } else if (obj instanceof PDFArray) {
    for (let i = 0; i < obj.size(); i++) walk(obj.get(i), depth + 1, state);
  } else if (obj instanceof PDFRawStream) {
    walk(obj.dict, depth + 1, state);
    // A stream shaped like an object stream (/N, /First) that does not say it is one: a reader
    // reaching it through a cross-reference stream could read objects pdf-lib did not.
    const d = obj.dict;
    if (d.get(PDFName.of("N")) && d.get(PDFName.of("First")) && d.get(PDFName.of("Type")) !== PDFName.of("ObjStm")) {
      refuse(state, { ok: false, reason: "activeContent" });
    }
  }
}

export async function checkPdfObjects(bytes: Buffer): Promise<StructureResult> {
  const state: State = { refusal: null };
  const parser = PDFParser.forBytesWithOptions(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), Infinity, true, true);
  // Every object the parser stores passes here, those read out of object streams included.
  const context = parser["context"] as { assign: (ref: unknown, obj: PDFObject) => void; trailerInfo: { Encrypt?: unknown } };
  const assign = context.assign.bind(context);
  context.assign = (ref, obj) => {
    walk(obj, 0, state);
    assign(ref, obj);
  };
  // Before pdf-lib decompresses an object stream, bound what it may decompress to.
  let inflated = 0;
  const parseObject = (parser as unknown as { parseObject: () => PDFObject }).parseObject.bind(parser);
  (parser as unknown as { parseObject: () => PDFObject }).parseObject = () => {
    const obj = parseObject();
    if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of("Type")) === PDFName.of("ObjStm")) {
      walk(obj.dict, 0, state);
      const filter = obj.dict.get(PDFName.of("Filter"));
      const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
      if (filters.length > 1 || (filters[0] && filters[0] !== PDFName.of("FlateDecode")) || obj.dict.get(PDFName.of("DecodeParms"))) {
        refuse(state, { ok: false, reason: "activeContent" });
      }
      if (filters.length === 1) {
        try {
          inflated += inflateSync(obj.contents, { maxOutputLength: MAX_INFLATED_BYTES - inflated }).length;
        } catch (error) {
          refuse(state, { ok: false, reason: (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : "damaged" });
        }
      }
    }
    return obj;
  };
  try {
    await parser.parseDocument();
  } catch (error) {
    const refusal = state.refusal ?? (error instanceof Refusal ? error : null);
    return refusal ? refusal.result : { ok: false, reason: "damaged" };
  }
  if (state.refusal) return state.refusal.result;
  if (context.trailerInfo.Encrypt) return { ok: false, reason: "activeContent" };
  return { ok: true };
}
