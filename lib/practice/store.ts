import "server-only";
import { and, asc, eq, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { practiceItems, practiceRuns } from "@/lib/db/schema";
import { newCode } from "@/lib/documents/codes";
import { AppError } from "@/lib/errors";
import { PRACTICE_PREFIX, PRACTICE_TTL_MS } from "./token";

/**
 * The practice store: the only tables practice writes to (practice_runs, practice_items). The
 * domains' practice functions (lib/cases/practice, lib/payments/practice, lib/interviews/practice)
 * validate with the real schemas and rules, then record here instead of in cases, payments,
 * bookings, notifications or the SMS outbox — so no real queue, ledger, agenda or outbox can
 * show a practice row, whatever query it runs.
 */
export type PracticeKind = "complaint" | "payment" | "booking";
export type PracticeItem = { id: string; kind: PracticeKind; reference: string; data: Record<string, unknown>; createdAt: Date };

export async function startPracticeRun(opts: { db: Db; lessonSlug?: string | null; now: Date }): Promise<{ runId: string }> {
  const [row] = await opts.db
    .insert(practiceRuns)
    .values({ lessonSlug: opts.lessonSlug ?? null, createdAt: opts.now, expiresAt: new Date(opts.now.getTime() + PRACTICE_TTL_MS) })
    .returning({ id: practiceRuns.id });
  return { runId: row!.id };
}

/** The run, if it exists and has not expired (an expired one is as good as deleted). */
export async function getPracticeRun(opts: { db: Db; runId: string; now: Date }): Promise<{ id: string; lessonSlug: string | null } | null> {
  const [row] = await opts.db.select().from(practiceRuns).where(eq(practiceRuns.id, opts.runId));
  if (!row || row.expiresAt.getTime() <= opts.now.getTime()) return null;
  return { id: row.id, lessonSlug: row.lessonSlug };
}

/** A new practice reference, e.g. PRACTICE-7K3F9Q2M: never a real case's or payment's shape. */
export function newPracticeReference(): string {
  return newCode({ length: 8, prefix: PRACTICE_PREFIX.slice(0, -1) });
}

export async function addPracticeItem(opts: { db: Db; runId: string; kind: PracticeKind; reference?: string; data: Record<string, unknown>; now: Date }): Promise<PracticeItem> {
  const run = await getPracticeRun({ db: opts.db, runId: opts.runId, now: opts.now });
  if (!run) throw new AppError("notFound");
  const [row] = await opts.db
    .insert(practiceItems)
    .values({ runId: run.id, kind: opts.kind, reference: opts.reference ?? newPracticeReference(), data: opts.data, createdAt: opts.now })
    .returning();
  return { ...row!, kind: row!.kind as PracticeKind };
}

export async function updatePracticeItem(opts: { db: Db; runId: string; reference: string; data: Record<string, unknown> }): Promise<void> {
  await opts.db.update(practiceItems).set({ data: opts.data }).where(and(eq(practiceItems.runId, opts.runId), eq(practiceItems.reference, opts.reference)));
}

export async function listPracticeItems(opts: { db: Db; runId: string }): Promise<PracticeItem[]> {
  const rows = await opts.db.select().from(practiceItems).where(eq(practiceItems.runId, opts.runId)).orderBy(asc(practiceItems.createdAt));
  return rows.map((r) => ({ ...r, kind: r.kind as PracticeKind }));
}

export async function getPracticeItem(opts: { db: Db; runId: string; reference: string }): Promise<PracticeItem | null> {
  const [row] = await opts.db.select().from(practiceItems).where(and(eq(practiceItems.runId, opts.runId), eq(practiceItems.reference, opts.reference)));
  return row ? { ...row, kind: row.kind as PracticeKind } : null;
}

/** Ends a practice: the run and everything done in it are deleted (items go by cascade). */
export async function endPracticeRun(opts: { db: Db; runId: string }): Promise<void> {
  await opts.db.delete(practiceRuns).where(eq(practiceRuns.id, opts.runId));
}

/** Housekeeping: practice runs past their hour (left without "end practice") are deleted. */
export async function prunePracticeRuns(opts: { db: Db; now: Date }): Promise<number> {
  const gone = await opts.db.delete(practiceRuns).where(lt(practiceRuns.expiresAt, opts.now)).returning({ id: practiceRuns.id });
  return gone.length;
}
