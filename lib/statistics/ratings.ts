import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { interviewBookings, paymentItems, payments, serviceRatings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { RatingSubject } from "./forms";

/**
 * Satisfaction after an interview (once it is over: completed, or its time has passed while it
 * was confirmed) and after a payment (once paid): one rating by the citizen it belongs to. The
 * rows are read straight from the tables (a domain does not import another domain); the body is
 * copied so the dashboards aggregate ratings per body without joining them again.
 */
type Target = { bodyId: string | null; houseId: string | null };

async function target(db: Db, subject: RatingSubject, subjectId: string, userId: string, now: Date): Promise<Target | null> {
  if (subject === "interview") {
    const [b] = await db.select({ bodyId: interviewBookings.bodyId, status: interviewBookings.status, endsAt: interviewBookings.endsAt }).from(interviewBookings).where(and(eq(interviewBookings.id, subjectId), eq(interviewBookings.citizenId, userId)));
    if (!b) return null;
    const over = b.status === "completed" || (b.status === "confirmed" && b.endsAt <= now);
    return over ? { bodyId: b.bodyId, houseId: null } : null;
  }
  const [p] = await db.select({ state: payments.state }).from(payments).where(and(eq(payments.id, subjectId), eq(payments.userId, userId)));
  if (!p || p.state !== "paid") return null;
  const payees = [...new Set((await db.select({ payee: paymentItems.payee }).from(paymentItems).where(eq(paymentItems.paymentId, subjectId))).map((i) => i.payee))];
  return { bodyId: payees.length === 1 ? payees[0]! : null, houseId: null };
}

/** What the page shows: the citizen's rating, or whether they may give one now. */
export async function ratingState(opts: { db: Db; subject: RatingSubject; subjectId: string; userId: string; now: Date }): Promise<{ stars: number } | { may: boolean }> {
  const [r] = await opts.db.select({ stars: serviceRatings.stars }).from(serviceRatings).where(and(eq(serviceRatings.subject, opts.subject), eq(serviceRatings.subjectId, opts.subjectId), eq(serviceRatings.userId, opts.userId)));
  if (r) return { stars: r.stars };
  return { may: (await target(opts.db, opts.subject, opts.subjectId, opts.userId, opts.now)) !== null };
}

export async function rateService(opts: { db: Db; subject: RatingSubject; subjectId: string; userId: string; stars: number; now: Date }): Promise<void> {
  const t = await target(opts.db, opts.subject, opts.subjectId, opts.userId, opts.now);
  if (!t) throw new AppError("notFound", { messageKey: "Ratings.errors.notYours" });
  const inserted = await opts.db
    .insert(serviceRatings)
    .values({ subject: opts.subject, subjectId: opts.subjectId, userId: opts.userId, bodyId: t.bodyId, houseId: t.houseId, stars: opts.stars, createdAt: opts.now })
    .onConflictDoNothing()
    .returning({ id: serviceRatings.id });
  if (inserted.length === 0) throw new AppError("conflict", { messageKey: "Ratings.errors.already" });
}

/** For pages: the rating state of one thing, in the app's database and clock. */
export async function loadRatingState(opts: { subject: RatingSubject; subjectId: string; userId: string }) {
  const [{ db }, at] = await Promise.all([getDb(), now()]);
  return ratingState({ db, ...opts, now: at });
}
