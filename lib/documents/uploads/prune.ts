import "server-only";
import { and, isNotNull, isNull, lt, notLike } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { uploads } from "@/lib/db/schema";
import type { FileStorage } from "./storage";

/**
 * Files uploaded for a form that was never sent: still under their form's draft key, attached to
 * no case and claimed by no booking (claiming clears the key), older than the retention. Citizens'
 * photos are not kept for ever because a form was abandoned. Row first, bytes second: a crash in
 * between leaves bytes no row points to (harmless, never served), never a row without its bytes.
 */
export async function pruneDraftUploads(opts: { db: Db; storage: FileStorage; before: Date }): Promise<number> {
  const gone = await opts.db
    .delete(uploads)
    .where(
      // A building-permit draft (lib/permits) is built over weeks and kept on the server: its files live as long as it does.
      and(isNotNull(uploads.draftKey), notLike(uploads.draftKey, "permit-%"), isNull(uploads.caseId), lt(uploads.createdAt, opts.before)),
    )
    .returning({ storageKey: uploads.storageKey });
  for (const row of gone) await opts.storage.remove(row.storageKey).catch(() => undefined);
  return gone.length;
}
