import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { pruneDraftUploads } from "@/lib/documents/uploads/prune";
import { pruneResumableUploads } from "@/lib/documents/uploads/resumable";
import { getStorage } from "@/lib/documents/uploads/storage";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { pruneRateLimits } from "@/lib/rate-limit";
import { prunePracticeRuns } from "@/lib/practice/store";
import { log } from "@/lib/log";

/**
 * The engine's and the kernel's housekeeping (each domain schedules its own: lib/assisted/jobs,
 * lib/interviews/jobs): files of forms never sent after DRAFT_RETENTION_DAYS, uploads in pieces that
 * got no piece for RESUMABLE_RETENTION_HOURS (their partial bytes with them), rate-limit rows whose
 * window has closed, practice runs past their hour. Deletes are idempotent, so several instances may run them at once.
 */
export function startHousekeeping(): void {
  every("housekeeping", env().HOUSEKEEPING_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    const files = await pruneDraftUploads({ db, storage: getStorage(), before: new Date(at.getTime() - env().DRAFT_RETENTION_DAYS * 86_400_000) });
    const partials = await pruneResumableUploads({ db, storage: getStorage(), before: new Date(at.getTime() - env().RESUMABLE_RETENTION_HOURS * 3_600_000) });
    const limits = await pruneRateLimits({ db, now: at, before: at });
    // Practice runs left without "end the practice" go after their hour (docs/adr/0022-practice-mode.md).
    const practice = await prunePracticeRuns({ db, now: at });
    if (files + partials + limits + practice > 0) log.info("housekeeping", { unsentFiles: files, partialUploads: partials, rateLimitWindows: limits, practiceRuns: practice });
  });
}
