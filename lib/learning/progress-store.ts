import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { lessonProgress } from "@/lib/db/schema";
import { lessonSlugs } from "./lessons";
import type { Progress } from "./progress";

/**
 * Lesson progress in a person's account. Like the device's copy (./progress.ts), only the best
 * score is kept: a write never lowers a finished lesson, whatever order two devices send in.
 */
export async function saveScores(opts: { db: Db; userId: string; progress: Progress; now: Date }): Promise<void> {
  const known = new Set(lessonSlugs());
  const rows = Object.entries(opts.progress)
    .filter(([slug, p]) => known.has(slug) && Number.isInteger(p.right) && Number.isInteger(p.total) && p.total >= 1 && p.total <= 20 && p.right >= 0 && p.right <= p.total)
    .map(([slug, p]) => ({ userId: opts.userId, slug, right: p.right, total: p.total, updatedAt: opts.now }));
  if (rows.length === 0) return;
  await opts.db
    .insert(lessonProgress)
    .values(rows)
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.slug],
      // The better score stays (a change in the number of questions takes the new one).
      set: { right: sql`case when excluded.total <> ${lessonProgress.total} or excluded.right > ${lessonProgress.right} then excluded.right else ${lessonProgress.right} end`, total: sql`excluded.total`, updatedAt: sql`excluded.updated_at` },
    });
}

export async function readScores(opts: { db: Db; userId: string }): Promise<Progress> {
  const rows = await opts.db.select().from(lessonProgress).where(eq(lessonProgress.userId, opts.userId));
  const out: Progress = {};
  for (const r of rows) out[r.slug] = { right: r.right, total: r.total };
  return out;
}
