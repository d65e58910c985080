import "server-only";
import type { Db } from "@/lib/db/open";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { AppError, validationError } from "@/lib/errors";
import { addPracticeItem } from "@/lib/practice/store";
import { practiceBookSchema, practiceSlots } from "./practice-forms";

/**
 * A booking made in practice: checked with the booking's rules and messages, recorded in the
 * practice store only — no booking row, no hold on an official's time, no reminder, no SMS: no
 * agenda can show it (docs/adr/0022-practice-mode.md).
 */
export async function bookInPractice(opts: { db: Db; runId: string; input: unknown; now: Date }): Promise<{ reference: string; startsAt: Date }> {
  const parsed = practiceBookSchema.safeParse(opts.input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const start = new Date(Number(parsed.data.slot));
  if (!practiceSlots(opts.now).some((s) => s.getTime() === start.getTime())) throw new AppError("validation", { fields: { slot: "Booking.errors.slotRequired" } });
  const item = await addPracticeItem({ db: opts.db, runId: opts.runId, kind: "booking", data: { body: parsed.data.body, topic: parsed.data.topic, subject: parsed.data.subject, startsAt: start.toISOString() }, now: opts.now });
  return { reference: item.reference, startsAt: start };
}

/** For the practice action: the app's database and clock. */
export async function practiceBooking(runId: string, input: unknown) {
  const { db } = await getDb();
  return bookInPractice({ db, runId, input, now: await now() });
}
