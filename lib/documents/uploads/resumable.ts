import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, asc, count, eq, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/open";
import { resumableUploads } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { UploadRefused } from "./inspect";
import { draftUploadLimits, UPLOAD_LIMITS } from "./limits";
import { acceptUpload, listDraftUploads, uploadError } from "./save";
import type { FileStorage } from "./storage";

/**
 * Attachments that survive a weak network: the server half of the tus resumable-upload protocol
 * 1.0.0 (https://tus.io/protocols/resumable-upload; core + creation, termination, expiration),
 * spoken by the phone through tus-js-client (./client/resumable.ts). The file is created empty
 * (POST, its length and metadata), then sent in pieces (PATCH at the offset the server has);
 * after a cut the phone asks how far the server got (HEAD) and sends the rest — after a reload
 * too, since the phone keeps the upload's address under the file's fingerprint.
 *
 * Why not @tus/server: its stores keep one growing file per upload on one machine's disk (or
 * need S3 multipart rules of their own); here each piece is one object in the app's own storage
 * (filesystem or S3, ./storage.ts) and the offset a row moved by a conditional update, so several
 * instances share uploads in progress and the expiry is a query. The protocol is small enough that
 * speaking it here is less than configuring that server to do the same.
 *
 * Pieces live under the owner's own area (`partials/<ownerId>/<id>/…`), never served. When the
 * last byte arrives the WHOLE file goes through the same checks as a single-request upload
 * (acceptUpload: type by content, size, images re-encoded, PDFs parsed) and becomes an upload row
 * of the form's draft key; a refusal deletes the pieces and says why on the file field.
 */
export const RESUMABLE_LIMITS = {
  /** One PATCH at most (the HTTP edge refuses a larger Content-Length before reading). */
  maxChunkBytes: 4 * 1024 * 1024,
  /** The whole file: the largest an attachment may be (a PDF is held to its own limit by the checks). */
  maxBytes: Math.max(UPLOAD_LIMITS.maxImageBytes, UPLOAD_LIMITS.maxPdfBytes),
  /** Uploads in progress per person; starting one more abandons the oldest. */
  maxOpen: 10,
} as const;

export const RESUMABLE_ENDPOINT = "/api/uploads/resumable";
/** Where the finished upload's id is given back (the PATCH that completes it, and any HEAD after). */
export const UPLOAD_ID_HEADER = "Idarti-Upload-Id";
/** The form sending a piece: after a reload the form has a new key, and the file belongs to it. */
export const DRAFT_KEY_HEADER = "Idarti-Draft-Key";

const TUS = "1.0.0";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A form's outbox key, or a building permit's draft (`permit-<draft id>`, lib/permits/drafts.ts).
const DRAFT_KEY = /^(?:permit-)?[0-9a-f-]{36}$/;
type Row = typeof resumableUploads.$inferSelect;

export type ResumableContext = {
  request: Request;
  /** The upload's id from the path; null for the endpoint itself. */
  id: string | null;
  ownerId: string;
  db: Db;
  storage: FileStorage;
  now: Date;
  retentionHours: number;
};

const metadataSchema = z.object({
  filename: z.string().min(1).max(255).default("file"),
  draftKey: z.string().regex(DRAFT_KEY),
  keepLocation: z.enum(["true", "false"]).default("false"),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The listed document the file is for (a scanned submission's field `doc-<slot>`). */
  slot: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
});

/** `Upload-Metadata: key base64,key base64` (tus 1.0.0 creation). */
export function parseMetadata(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? "").split(",")) {
    const [key, value = ""] = pair.trim().split(" ");
    if (!key) continue;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new AppError("badRequest");
    out[key] = Buffer.from(value, "base64").toString("utf8");
  }
  return out;
}

function headers(extra: Record<string, string> = {}): Headers {
  return new Headers({ "Tus-Resumable": TUS, "Cache-Control": "no-store", ...extra });
}

function expires(row: Row, retentionHours: number): string {
  return new Date(row.updatedAt.getTime() + retentionHours * 3_600_000).toUTCString();
}

export async function handleResumable(ctx: ResumableContext): Promise<Response> {
  const method = ctx.request.method;
  if (method === "OPTIONS") {
    return new Response(null, {
      status: 204,
      headers: headers({ "Tus-Version": TUS, "Tus-Max-Size": String(RESUMABLE_LIMITS.maxBytes), "Tus-Extension": "creation,termination,expiration" }),
    });
  }
  if (ctx.request.headers.get("tus-resumable") !== TUS) return new Response(null, { status: 412, headers: { "Tus-Version": TUS } });
  if (method === "POST") {
    if (ctx.id !== null) throw new AppError("notFound");
    return create(ctx);
  }
  if (ctx.id === null || !UUID.test(ctx.id)) throw new AppError("notFound");
  // Someone else's upload does not exist, as far as this person can tell.
  const [row] = await ctx.db.select().from(resumableUploads).where(and(eq(resumableUploads.id, ctx.id), eq(resumableUploads.ownerId, ctx.ownerId)));
  if (!row) throw new AppError("notFound");
  if (method === "HEAD") return head(ctx, row);
  if (method === "PATCH") return patch(ctx, row);
  if (method === "DELETE") {
    await discard(ctx, row);
    return new Response(null, { status: 204, headers: headers() });
  }
  throw new AppError("badRequest");
}

async function create(ctx: ResumableContext): Promise<Response> {
  const lengthHeader = ctx.request.headers.get("upload-length");
  if (lengthHeader === null || !/^\d{1,12}$/.test(lengthHeader)) throw new AppError("badRequest");
  const length = Number(lengthHeader);
  if (length === 0) throw uploadError(new UploadRefused("empty"));
  if (length > RESUMABLE_LIMITS.maxBytes) {
    const refused = uploadError(new UploadRefused("tooLarge", { maxMb: RESUMABLE_LIMITS.maxBytes / 1024 / 1024 }));
    throw new AppError("tooLarge", { fields: refused.fields, values: refused.values });
  }
  const parsed = metadataSchema.safeParse(parseMetadata(ctx.request.headers.get("upload-metadata")));
  if (!parsed.success) {
    const badKey = parsed.error.issues.some((i) => i.path[0] === "draftKey");
    throw badKey ? new AppError("validation", { fields: { file: "Outbox.errors.badKey" } }) : new AppError("badRequest");
  }
  const meta = parsed.data;
  // Refused now rather than after 10 MB: the form already has all the files it may have.
  const already = await listDraftUploads({ db: ctx.db, ownerId: ctx.ownerId, draftKey: meta.draftKey });
  const limits = draftUploadLimits(meta.draftKey, meta.slot !== undefined);
  if (already.length >= limits.maxFiles) throw uploadError(new UploadRefused("tooMany"));
  if (meta.slot && already.filter((u) => u.slot === meta.slot).length >= limits.maxPerDocument) {
    throw new AppError("validation", { fields: { file: "Uploads.errors.tooMany" }, values: { max: limits.maxPerDocument } });
  }
  // A bounded area per person: the oldest upload in progress makes room for a new one.
  const open = await ctx.db
    .select()
    .from(resumableUploads)
    .where(and(eq(resumableUploads.ownerId, ctx.ownerId), isNull(resumableUploads.uploadId)))
    .orderBy(asc(resumableUploads.updatedAt));
  for (const old of open.slice(0, Math.max(0, open.length - RESUMABLE_LIMITS.maxOpen + 1))) await discard(ctx, old);

  const [row] = await ctx.db
    .insert(resumableUploads)
    .values({ ownerId: ctx.ownerId, draftKey: meta.draftKey, name: meta.filename, keepLocation: meta.keepLocation === "true", slot: meta.slot ?? null, sha256: meta.sha256 ?? null, length, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  return new Response(null, { status: 201, headers: headers({ Location: `${RESUMABLE_ENDPOINT}/${row!.id}`, "Upload-Expires": expires(row!, ctx.retentionHours) }) });
}

async function head(ctx: ResumableContext, row: Row): Promise<Response> {
  // All bytes in but not finished (the instance died between the two): finish it now.
  const done = row.offset === row.length && !row.uploadId ? await finish(ctx, row) : row.uploadId;
  return new Response(null, {
    status: 200,
    headers: headers({
      "Upload-Offset": String(row.offset),
      "Upload-Length": String(row.length),
      "Upload-Expires": expires(row, ctx.retentionHours),
      ...(done ? { [UPLOAD_ID_HEADER]: done } : {}),
    }),
  });
}

async function patch(ctx: ResumableContext, row: Row): Promise<Response> {
  if (ctx.request.headers.get("content-type") !== "application/offset+octet-stream") return new Response(null, { status: 415, headers: headers() });
  const offsetHeader = ctx.request.headers.get("upload-offset");
  if (offsetHeader === null || !/^\d{1,12}$/.test(offsetHeader)) throw new AppError("badRequest");
  // The phone must send from where the server is: anything else is a stale view (409, it asks again).
  if (Number(offsetHeader) !== row.offset || row.uploadId) throw new AppError("conflict");
  const room = row.length - row.offset;
  const declared = ctx.request.headers.get("content-length");
  if (declared !== null && Number(declared) > room) throw new AppError("badRequest");
  const piece = await readPiece(ctx.request, Math.min(room, RESUMABLE_LIMITS.maxChunkBytes));
  if (piece.bytes.length === 0) return new Response(null, { status: 204, headers: headers({ "Upload-Offset": String(row.offset) }) });

  // Bytes first, offset second: a crash between leaves a piece no row lists (pruned with its folder's row), never an offset without its bytes.
  const key = `partials/${row.ownerId}/${row.id}/${String(row.offset).padStart(12, "0")}-${randomUUID().slice(0, 8)}.part`;
  await ctx.storage.put(key, piece.bytes);
  const [moved] = await ctx.db
    .update(resumableUploads)
    .set({
      offset: sql`${resumableUploads.offset} + ${piece.bytes.length}`,
      parts: sql`${resumableUploads.parts} || ${JSON.stringify([{ key, bytes: piece.bytes.length }])}::jsonb`,
      updatedAt: ctx.now,
    })
    .where(and(eq(resumableUploads.id, row.id), eq(resumableUploads.offset, row.offset), isNull(resumableUploads.uploadId)))
    .returning();
  if (!moved) {
    // Another request appended first (two tabs, a retry racing its original): this piece is not part of the file.
    await ctx.storage.remove(key).catch(() => undefined);
    throw new AppError("conflict");
  }
  const done = moved.offset === moved.length ? await finish(ctx, moved) : null;
  return new Response(null, {
    status: 204,
    headers: headers({ "Upload-Offset": String(moved.offset), "Upload-Expires": expires(moved, ctx.retentionHours), ...(done ? { [UPLOAD_ID_HEADER]: done } : {}) }),
  });
}

/**
 * The piece's bytes; when the connection drops mid-piece, what did arrive is kept (the phone
 * then asks where to resume), so a weak network loses at most the bytes in flight.
 */
async function readPiece(request: Request, max: number): Promise<{ bytes: Buffer; cut: boolean }> {
  if (!request.body) return { bytes: Buffer.alloc(0), cut: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => {});
        throw new AppError("tooLarge", { values: { maxBytes: max } });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    return { bytes: Buffer.concat(chunks), cut: true };
  }
  return { bytes: Buffer.concat(chunks), cut: false };
}

/** The whole file, checked and recorded as the form's attachment; its pieces go. Returns the upload's id. */
async function finish(ctx: ResumableContext, row: Row): Promise<string> {
  const pieces = await Promise.all(row.parts.map((p) => ctx.storage.get(p.key)));
  const bytes = Buffer.concat(pieces.filter((p): p is Buffer => p !== null));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const header = ctx.request.headers.get(DRAFT_KEY_HEADER);
  const draftKey = header && DRAFT_KEY.test(header) ? header : row.draftKey;
  let savedKey: string | null = null;
  try {
    // A lost piece, or not the bytes the phone meant (it hashed the file before sending): refused, not stored.
    if (pieces.some((p) => p === null) || bytes.length !== row.length || (row.sha256 !== null && row.sha256 !== sha256)) throw uploadError(new UploadRefused("damaged"));
    return await ctx.db.transaction(async (tx) => {
      const saved = await acceptUpload({ db: tx, storage: ctx.storage, bytes, name: row.name, keepLocation: row.keepLocation, slot: row.slot, draftKey, ownerId: row.ownerId, now: ctx.now });
      savedKey = saved.storageKey;
      const [marked] = await tx
        .update(resumableUploads)
        .set({ uploadId: saved.id, parts: [], updatedAt: ctx.now })
        .where(and(eq(resumableUploads.id, row.id), isNull(resumableUploads.uploadId)))
        .returning();
      // Finished by a concurrent request meanwhile: that one's record stands, this one rolls back.
      if (!marked) throw new AppError("conflict");
      return saved.id;
    });
  } catch (error) {
    if (savedKey) await ctx.storage.remove(savedKey).catch(() => undefined);
    // Refused by the checks: the file will never be accepted, so nothing of it is kept.
    if (error instanceof AppError && (error.code === "validation" || error.code === "tooLarge")) await discard(ctx, row);
    throw error;
  } finally {
    if (savedKey !== null) await removeParts(ctx.storage, row);
  }
}

async function removeParts(storage: FileStorage, row: Pick<Row, "parts">): Promise<void> {
  for (const part of row.parts) await storage.remove(part.key).catch(() => undefined);
}

async function discard(ctx: Pick<ResumableContext, "db" | "storage">, row: Row): Promise<void> {
  await ctx.db.delete(resumableUploads).where(eq(resumableUploads.id, row.id));
  await removeParts(ctx.storage, row);
}

/**
 * Housekeeping: uploads that received no piece for the retention (abandoned, or finished long
 * ago and kept only to answer a late HEAD). Row first, pieces second, as for draft uploads.
 */
export async function pruneResumableUploads(opts: { db: Db; storage: FileStorage; before: Date }): Promise<number> {
  const gone = await opts.db.delete(resumableUploads).where(lt(resumableUploads.updatedAt, opts.before)).returning({ parts: resumableUploads.parts });
  for (const row of gone) await removeParts(opts.storage, row);
  return gone.length;
}

/** How many uploads a person has in progress (tests, and a later quota view). */
export async function openResumableCount(opts: { db: Db; ownerId: string }): Promise<number> {
  const [r] = await opts.db.select({ n: count() }).from(resumableUploads).where(and(eq(resumableUploads.ownerId, opts.ownerId), isNull(resumableUploads.uploadId)));
  return r?.n ?? 0;
}
