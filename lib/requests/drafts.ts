import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { isIdempotencyKey, resultOfKey } from "@/lib/outbox/idempotency";
import type { Db, Tx } from "@/lib/db/open";
import { requestDrafts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parsePayload, requireKind } from "@/lib/cases/engine";
import { listDraftUploads, type UploadRow } from "@/lib/documents/uploads/save";
import { isRequestKind } from "./after-sending";

/**
 * "Check your answers" for forms without JavaScript: the answers are checked by the kind's schema
 * and kept under the form's idempotency key, so the check page, its change links (back to the
 * form, answers kept) and the final send all speak of one submission. The send goes through the
 * outbox's server half (lib/outbox/submit.ts) with the same key, which deletes the draft.
 */
export type RequestDraft = typeof requestDrafts.$inferSelect;

/** The form's own path, without the locale: only our request forms, with their query. */
export function safeFormPath(withLocale: string): string {
  const path = withLocale.replace(/^\/(ar|fr|en)(?=\/)/, "");
  return /^\/requests\/(complaint|suggestion|information)\/new(\?[\w=&%.-]*)?$/.test(path) ? path : "/requests";
}

export async function saveDraft(opts: {
  db: Db | Tx;
  userId: string;
  key: string;
  kind: string;
  values: Record<string, string | string[]>;
  formPath: string;
  now: Date;
}): Promise<RequestDraft> {
  if (!isIdempotencyKey(opts.key)) throw new AppError("validation", { messageKey: "Outbox.errors.badKey" });
  if (!isRequestKind(opts.kind)) throw new AppError("validation", { messageKey: "Cases.errors.unknownKind" });
  parsePayload(requireKind(opts.kind), opts.values);
  const row = { userId: opts.userId, key: opts.key, kind: opts.kind, values: opts.values, formPath: safeFormPath(opts.formPath), updatedAt: opts.now };
  const [saved] = await opts.db
    .insert(requestDrafts)
    .values(row)
    .onConflictDoUpdate({ target: [requestDrafts.userId, requestDrafts.key], set: { kind: row.kind, values: row.values, formPath: row.formPath, updatedAt: row.updatedAt } })
    .returning();
  return saved!;
}

export async function loadDraft(opts: { db: Db | Tx; userId: string; key: string }): Promise<RequestDraft | null> {
  if (!isIdempotencyKey(opts.key)) return null;
  const [row] = await opts.db.select().from(requestDrafts).where(and(eq(requestDrafts.userId, opts.userId), eq(requestDrafts.key, opts.key)));
  return row ?? null;
}

/** What the check page shows: the draft and its files, or the case it already became. */
export async function loadCheckPage(opts: { userId: string; key: string }): Promise<{ draft: RequestDraft; uploads: UploadRow[] } | { sentReference: string } | null> {
  const { db } = await getDb();
  const draft = await loadDraft({ db, userId: opts.userId, key: opts.key });
  if (draft) return { draft, uploads: await listDraftUploads({ db, ownerId: opts.userId, draftKey: draft.key }) };
  const sent = await resultOfKey<{ reference: string }>({ db, userId: opts.userId, key: opts.key });
  return sent ? { sentReference: sent.reference } : null;
}

/** The form page opened from a change link: the answers and files to put back. */
export async function loadDraftForForm(opts: { userId: string; key: string | undefined }): Promise<{ key: string; values: Record<string, string | string[]>; uploads: UploadRow[] } | null> {
  if (!opts.key) return null;
  const { db } = await getDb();
  const draft = await loadDraft({ db, userId: opts.userId, key: opts.key });
  if (!draft) return null;
  return { key: draft.key, values: draft.values, uploads: await listDraftUploads({ db, ownerId: opts.userId, draftKey: draft.key }) };
}
