import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/open";
import { type interviewBookings, users } from "@/lib/db/schema";
import { notify, type Channel } from "@/lib/notifications/enqueue";
import type { NotificationType } from "@/lib/notifications/types";

/**
 * The notifications of a booking, written inside the transaction that changes it (so a rolled
 * back booking notifies nobody). Only ids, keys and the instant are stored: texts are made in the
 * reader's language when shown or sent (lib/notifications/render), the time in Africa/Tunis.
 */
type B = typeof interviewBookings.$inferSelect;

export function citizenBookingPath(id: string): string {
  return `/interviews/${id}`;
}

export function officialBookingPath(id: string): string {
  return `/staff/agenda/${id}`;
}

/** Book again with the same body, topic and interpreter need (after an official cancelled). */
export function rebookPath(b: Pick<B, "bodyId" | "topic" | "needsInterpreter">): string {
  return `/interviews/book?${new URLSearchParams({ body: b.bodyId, topic: b.topic, interpreter: b.needsInterpreter ? "yes" : "no" })}`;
}

function data(b: B, extra: Record<string, string> = {}): Record<string, string> {
  return { reference: b.reference, bodyKey: `InterviewBodiesInSentence.${b.bodyId}` /* mid-sentence: "with your municipality" */, topicKey: `Interviews.topics.${b.topic}`, startsAt: b.startsAt.toISOString(), ...extra };
}

async function toCitizen(tx: Tx, b: B, type: NotificationType, now: Date, opts: { link?: string; extra?: Record<string, string>; channels?: readonly Channel[] } = {}) {
  await notify({ tx, userId: b.citizenId, type, data: data(b, opts.extra), link: opts.link ?? citizenBookingPath(b.id), channels: opts.channels, now });
}

/** Officials learn of changes in their inbox; their agenda is the place they work from. */
async function toOfficial(tx: Tx, b: B, type: NotificationType, now: Date, extra: Record<string, string> = {}) {
  const [citizen] = await tx.select({ name: users.name }).from(users).where(eq(users.id, b.citizenId));
  await notify({ tx, userId: b.officialId, type, data: data(b, { citizen: citizen?.name ?? "", ...extra }), link: officialBookingPath(b.id), channels: [], now });
}

export async function noticeBooked(tx: Tx, b: B, now: Date): Promise<void> {
  await toCitizen(tx, b, "interviewBooked", now);
  await toOfficial(tx, b, "interviewOfficialBooked", now);
}

export async function noticeCancelledByCitizen(tx: Tx, b: B, now: Date): Promise<void> {
  await toCitizen(tx, b, "interviewCancelled", now);
  await toOfficial(tx, b, "interviewOfficialCancelled", now, { reason: b.cancelReason ?? "" });
}

export async function noticeCancelledByOfficial(tx: Tx, b: B, now: Date): Promise<void> {
  await toCitizen(tx, b, "interviewCancelledByOfficial", now, { link: rebookPath(b), extra: { reason: b.cancelReason ?? "" } });
}

/** `old` is the booking left (its time is the old time), `moved` the new one. */
export async function noticeRescheduled(tx: Tx, old: B, moved: B, now: Date): Promise<void> {
  await toCitizen(tx, moved, "interviewRescheduled", now, { extra: { previousAt: old.startsAt.toISOString() } });
  const reason = old.rescheduleReason ?? "";
  if (old.officialId === moved.officialId) {
    await toOfficial(tx, moved, "interviewOfficialMoved", now, { previousAt: old.startsAt.toISOString(), reason });
  } else {
    await toOfficial(tx, old, "interviewOfficialCancelled", now, { reason });
    await toOfficial(tx, moved, "interviewOfficialBooked", now);
  }
}

export async function noticeReminder(tx: Tx, b: B, which: "day" | "soon", now: Date): Promise<void> {
  const channels = b.reminderChannels.filter((c): c is Channel => c === "sms" || c === "push");
  await toCitizen(tx, b, which === "day" ? "interviewReminderDay" : "interviewReminderSoon", now, { channels });
}
