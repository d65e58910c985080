import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { readForm } from "@/lib/http/edge";
import { now } from "@/lib/clock";
import { uploadAccess } from "./access";
import { UploadRefused } from "./inspect";
import { UPLOAD_LIMITS } from "./limits";
import { acceptUpload, getUpload, uploadError, type UploadRow } from "./save";
import { getStorage } from "./storage";
import { handleResumable } from "./resumable";
import { env } from "@/lib/env";

/**
 * The two HTTP halves of attachments: receiving one file for a form being filled (multipart,
 * bounded before it is read), and serving a file to whoever may read it — with its type, a
 * Content-Disposition, no sniffing and a sandbox, so that even a stored PDF cannot run anything.
 */
const MULTIPART_OVERHEAD = 64 * 1024;
/**
 * The HTTP edge's hard ceiling for an upload request (413 with no more said); below it, a file
 * over the limit gets the same 413 with the message on the field (how large it may be).
 */
export const UPLOAD_REQUEST_MAX_BYTES = 2 * (UPLOAD_LIMITS.maxImageBytes + MULTIPART_OVERHEAD);

export async function receiveUpload(opts: { request: Request; actor: Actor }): Promise<UploadRow> {
  const length = Number(opts.request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0) throw new AppError("validation", { fields: { file: "Uploads.errors.empty" } });
  if (length > UPLOAD_LIMITS.maxImageBytes + MULTIPART_OVERHEAD) {
    const refused = uploadError(new UploadRefused("tooLarge", { maxMb: UPLOAD_LIMITS.maxImageBytes / 1024 / 1024 }));
    throw new AppError("tooLarge", { fields: refused.fields, values: refused.values });
  }
  const form = await readForm(opts.request);
  const file = form.get("file");
  const draftKey = String(form.get("draftKey") ?? "");
  if (!/^[0-9a-f-]{36}$/.test(draftKey)) throw new AppError("validation", { fields: { file: "Outbox.errors.badKey" } });
  if (!(file instanceof File) || file.size === 0) throw new AppError("validation", { fields: { file: "Uploads.errors.empty" } });
  const { db } = await getDb();
  return acceptUpload({ db, storage: getStorage(), bytes: Buffer.from(await file.arrayBuffer()), name: file.name, keepLocation: form.get("keepLocation") === "true", draftKey, ownerId: opts.actor.userId, now: await now() });
}

/** One request of an upload in pieces (tus, ./resumable.ts), for the signed-in person who sends it. */
export async function receiveResumable(opts: { request: Request; id: string | null; actor: Actor }): Promise<Response> {
  const [{ db }, at] = await Promise.all([getDb(), now()]);
  return handleResumable({ request: opts.request, id: opts.id, ownerId: opts.actor.userId, db, storage: getStorage(), now: at, retentionHours: env().RESUMABLE_RETENTION_HOURS });
}

export async function serveUpload(opts: { id: string; actor: Actor | null }): Promise<Response> {
  const { db } = await getDb();
  const row = await getUpload({ db, id: opts.id });
  if (!row) throw new AppError("notFound");
  const [c] = row.caseId ? await db.select({ citizenId: cases.citizenId, bodyId: cases.bodyId, houseId: cases.houseId }).from(cases).where(eq(cases.id, row.caseId)) : [];
  const access = uploadAccess(opts.actor, row, c ?? null);
  if (access === "none") throw new AppError("notFound");
  return uploadResponse(row, access);
}

/**
 * The file's bytes as a response, for a caller that has already decided the reader may have it
 * (serveUpload above for cases; lib/interviews for a booking's participants).
 */
export async function uploadResponse(row: UploadRow, access: "public" | "private"): Promise<Response> {
  const bytes = await getStorage().get(row.storageKey);
  if (!bytes) throw new AppError("notFound");
  const name = `${row.label}.${row.mediaType === "application/pdf" ? "pdf" : row.mediaType === "image/png" ? "png" : "jpg"}`;
  const disposition = row.mediaType === "application/pdf" ? "attachment" : "inline";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": row.mediaType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `${disposition}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": access === "public" ? "public, max-age=3600" : "private, no-store",
      ETag: `"${row.sha256}"`,
    },
  });
}
