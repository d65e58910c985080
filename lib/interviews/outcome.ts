import "server-only";
import { eq } from "drizzle-orm";
import { submitCase } from "@/lib/cases/engine";
import type { Db } from "@/lib/db/open";
import { interviewBookings, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { audit, lockBooking, type AuditBy, type Booking } from "./booking";
import { noShowRefusal, outcomeRefusal, type Policy } from "./rules";

/** After the interview: what the official records (outcome, a follow-up case, a no-show). */
export async function recordOutcome(opts: { db: Db; bookingId: string; officialId: string; outcome: string; now: Date; audit?: AuditBy }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    const refusal = outcomeRefusal(b, opts.now);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    const [updated] = await tx
      .update(interviewBookings)
      .set({ status: "completed", outcome: opts.outcome, outcomeAt: opts.now })
      .where(eq(interviewBookings.id, b.id))
      .returning();
    await audit(tx, opts.audit, { action: "interview.outcome", subjectType: "interview", subjectId: b.id });
    return updated!;
  });
}

/** Interview bodies are all question bodies: a follow-up case goes to the same body's queue. */
const CASE_KIND = "question";
const CASE_SUBJECT_MAX = 120;

/**
 * "Open a case" from an interview's outcome, in one step and one transaction: a case (a question
 * to the booking's body) in the citizen's name, filed by the official, whose content is the
 * outcome; the booking keeps its reference; the official's act is audited. Opening twice returns
 * the case already opened.
 */
export async function openCaseFromOutcome(opts: { db: Db; bookingId: string; officialId: string; now: Date; audit?: AuditBy }): Promise<string> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    if (b.caseReference) return b.caseReference;
    if (b.status !== "completed" || !b.outcome) throw new AppError("conflict", { messageKey: "Agenda.errors.outcomeFirst" });
    const [citizen] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, b.citizenId));
    const subject = b.subject.replace(/\s+/g, " ").trim();
    const created = await submitCase({
      db: tx,
      kind: CASE_KIND,
      payload: {
        bodyId: b.bodyId,
        subject: subject.length > CASE_SUBJECT_MAX ? `${subject.slice(0, CASE_SUBJECT_MAX - 1)}…` : subject,
        question: b.outcome,
      },
      citizen: { userId: b.citizenId, role: "citizen" },
      locale: isLocale(citizen?.locale ?? "") ? (citizen!.locale as Locale) : defaultLocale,
      filedBy: { agentId: opts.officialId, houseId: null },
      now: opts.now,
    }).catch((error: unknown) => {
      // The outcome is the case's content: too short for a question, it must be written out first.
      if (error instanceof AppError && error.code === "validation") throw new AppError("validation", { fields: { outcome: "Agenda.errors.outcomeTooShortForCase" } });
      throw error;
    });
    await tx.update(interviewBookings).set({ caseReference: created.reference }).where(eq(interviewBookings.id, b.id));
    await audit(tx, opts.audit, { action: "interview.openCase", subjectType: "interview", subjectId: b.id, detail: { case: created.reference } });
    return created.reference;
  });
}

export async function recordNoShow(opts: { db: Db; bookingId: string; officialId: string; now: Date; policy: Policy; audit?: AuditBy }): Promise<Booking> {
  return opts.db.transaction(async (tx) => {
    const b = await lockBooking(tx, opts.bookingId);
    if (b.officialId !== opts.officialId) throw new AppError("notFound");
    const refusal = noShowRefusal(b, opts.now, opts.policy);
    if (refusal) throw new AppError("conflict", { messageKey: `Booking.refusals.${refusal}` });
    const [updated] = await tx.update(interviewBookings).set({ status: "noShow", noShowAt: opts.now }).where(eq(interviewBookings.id, b.id)).returning();
    await audit(tx, opts.audit, { action: "interview.noShow", subjectType: "interview", subjectId: b.id });
    return updated!;
  });
}

// ---- walk-in citizens (staff books, the citizen confirms with a code sent to their phone) ----
