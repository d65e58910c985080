import "server-only";
import type { Db } from "@/lib/db/open";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { AppError, validationError } from "@/lib/errors";
import { addPracticeItem } from "@/lib/practice/store";
import { complaintSchema } from "./kinds/complaint";
import { complaintQueue, findCategory } from "./kinds/complaint/categories";

/**
 * A complaint filed in practice: the real complaint schema checks it (the same messages on the
 * same fields as the real form), the real category data gives its queue and service level, and
 * it is recorded in the practice store only — no case, no event, no notification is written, so
 * no staff queue can ever show it (docs/adr/0022-practice-mode.md).
 */
export async function filePracticeComplaint(opts: { db: Db; runId: string; input: unknown; now: Date }): Promise<{ reference: string; queue: string; days: number }> {
  const parsed = complaintSchema.safeParse(opts.input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const p = parsed.data;
  const category = findCategory(p.bodyId, p.category);
  if (!category) throw new AppError("validation", { fields: { category: "Complaint.errors.categoryRequired" } });
  const queue = complaintQueue(p.bodyId, p.category);
  const item = await addPracticeItem({ db: opts.db, runId: opts.runId, kind: "complaint", data: { bodyId: p.bodyId, category: p.category, description: p.description, hideName: p.hideName, queue, days: category.serviceLevelDays }, now: opts.now });
  return { reference: item.reference, queue, days: category.serviceLevelDays };
}

/** For the practice action: the app's database and clock. */
export async function practiceComplaint(runId: string, input: unknown) {
  const { db } = await getDb();
  return filePracticeComplaint({ db, runId, input, now: await now() });
}
