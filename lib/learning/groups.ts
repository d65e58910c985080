import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { groupRegistrations, groupSessions, users } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/enqueue";
import { lessonSlugs } from "./lessons";

/**
 * Group sessions of a house's digital-skills space. Seats are enforced by the database, as the
 * interviews' holds are: a registration takes a seat NUMBER between 1 and the session's seats,
 * and the primary key (session, seat) refuses a number taken meanwhile — two people registering
 * for the last seat at once, on one instance or two, cannot both commit. The loser tries the next
 * free number, and when none is left the session is full.
 */
export type GroupSession = {
  id: string;
  houseId: string;
  volunteerId: string;
  startsAt: Date;
  lessonSlug: string | null;
  topic: string | null;
  seats: number;
  taken: number;
};

const MINUTE = 60_000;
/** The day-before reminder is due 24 h before the start, and not worth sending in the last hour. */
export const GROUP_REMINDER_MS = 24 * 60 * MINUTE;
const REMINDER_LATEST_MS = 60 * MINUTE;

export async function scheduleGroupSession(opts: {
  db: Db;
  volunteerId: string;
  houseId: string | null;
  startsAt: Date;
  lessonSlug?: string | null;
  topic?: string | null;
  seats: number;
  now: Date;
}): Promise<{ id: string }> {
  if (!opts.houseId) throw new AppError("forbidden");
  if (opts.startsAt.getTime() <= opts.now.getTime()) throw new AppError("validation", { fields: { startsAt: "Groups.errors.past" } });
  const lesson = opts.lessonSlug || null;
  const topic = opts.topic?.trim() || null;
  if (lesson && !lessonSlugs().includes(lesson)) throw new AppError("validation", { fields: { lessonSlug: "Groups.errors.topicRequired" } });
  if (!lesson && !topic) throw new AppError("validation", { fields: { lessonSlug: "Groups.errors.topicRequired" } });
  const [row] = await opts.db
    .insert(groupSessions)
    .values({ houseId: opts.houseId, volunteerId: opts.volunteerId, startsAt: opts.startsAt, lessonSlug: lesson, topic: lesson ? null : topic, seats: opts.seats, createdAt: opts.now })
    .returning({ id: groupSessions.id });
  return { id: row!.id };
}

const takenCount = sql<number>`(select count(*)::int from ${groupRegistrations} where ${groupRegistrations.sessionId} = ${groupSessions.id})`;

/** Sessions still to come (of one house, or every house), soonest first, with the seats taken. */
export async function listUpcomingSessions(opts: { db: Db; now: Date; houseId?: string; limit?: number }): Promise<GroupSession[]> {
  const rows = await opts.db
    .select({ id: groupSessions.id, houseId: groupSessions.houseId, volunteerId: groupSessions.volunteerId, startsAt: groupSessions.startsAt, lessonSlug: groupSessions.lessonSlug, topic: groupSessions.topic, seats: groupSessions.seats, taken: takenCount })
    .from(groupSessions)
    .where(and(isNull(groupSessions.cancelledAt), gt(groupSessions.startsAt, opts.now), opts.houseId ? eq(groupSessions.houseId, opts.houseId) : undefined))
    .orderBy(asc(groupSessions.startsAt))
    .limit(opts.limit ?? 50);
  return rows.map((r) => ({ ...r, taken: Number(r.taken) }));
}

export type VolunteerSession = GroupSession & { open: boolean; registrations: { seat: number; name: string | null; phone: string; via: string }[] };

/** A volunteer's own sessions (from a day ago on), with who registered: only theirs, by construction. */
export async function listVolunteerSessions(opts: { db: Db; volunteerId: string; now: Date }): Promise<VolunteerSession[]> {
  const sessions = await opts.db
    .select({ id: groupSessions.id, houseId: groupSessions.houseId, volunteerId: groupSessions.volunteerId, startsAt: groupSessions.startsAt, lessonSlug: groupSessions.lessonSlug, topic: groupSessions.topic, seats: groupSessions.seats, taken: takenCount })
    .from(groupSessions)
    .where(and(eq(groupSessions.volunteerId, opts.volunteerId), isNull(groupSessions.cancelledAt), gt(groupSessions.startsAt, new Date(opts.now.getTime() - 24 * 60 * MINUTE))))
    .orderBy(asc(groupSessions.startsAt));
  if (sessions.length === 0) return [];
  const regs = await opts.db
    .select({ sessionId: groupRegistrations.sessionId, seat: groupRegistrations.seat, via: groupRegistrations.via, name: users.name, phone: users.phone })
    .from(groupRegistrations)
    .innerJoin(users, eq(users.id, groupRegistrations.userId))
    .where(inArray(groupRegistrations.sessionId, sessions.map((s) => s.id)))
    .orderBy(asc(groupRegistrations.seat));
  return sessions.map((s) => ({ ...s, taken: Number(s.taken), open: s.startsAt.getTime() > opts.now.getTime(), registrations: regs.filter((r) => r.sessionId === s.id).map(({ sessionId: _s, ...r }) => r) }));
}

/**
 * Takes a seat for a person. Registering twice answers the seat already held (nothing twice).
 * A full, past or cancelled session is refused with a message for the person.
 */
export async function registerForSession(opts: { db: Db; sessionId: string; userId: string; via: "learn" | "corner"; now: Date }): Promise<{ seat: number; already: boolean }> {
  const { db } = opts;
  for (let attempt = 0; attempt < 50; attempt++) {
    const [s] = await db.select().from(groupSessions).where(eq(groupSessions.id, opts.sessionId));
    if (!s || s.cancelledAt) throw new AppError("notFound");
    const [mine] = await db.select({ seat: groupRegistrations.seat }).from(groupRegistrations).where(and(eq(groupRegistrations.sessionId, s.id), eq(groupRegistrations.userId, opts.userId)));
    if (mine) return { seat: mine.seat, already: true };
    if (s.startsAt.getTime() <= opts.now.getTime()) throw new AppError("conflict", { messageKey: "Groups.errors.closed" });
    const held = new Set((await db.select({ seat: groupRegistrations.seat }).from(groupRegistrations).where(eq(groupRegistrations.sessionId, s.id))).map((r) => r.seat));
    let seat = 0;
    for (let n = 1; n <= s.seats; n++) {
      if (!held.has(n)) {
        seat = n;
        break;
      }
    }
    if (seat === 0) throw new AppError("conflict", { messageKey: "Groups.errors.full" });
    try {
      await db.insert(groupRegistrations).values({ sessionId: s.id, seat, userId: opts.userId, via: opts.via, createdAt: opts.now });
      return { seat, already: false };
    } catch (error) {
      // Someone took that number (or this person registered from another tab) meanwhile: look again.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  throw new AppError("unavailable");
}

/**
 * At the corner: a volunteer registers a citizen with their phone number. The seat is the citizen's (an account with just
 * the phone is made if they have none, as the walk-in counter does); staff numbers are refused.
 */
export async function registerByPhone(opts: { db: Db; sessionId: string; phone: string; locale: string; now: Date; volunteer: { userId: string; houseId: string | null } }): Promise<{ seat: number; already: boolean }> {
  const { db } = opts;
  // A volunteer registers people for their own house's sessions only.
  const [s] = await db.select({ houseId: groupSessions.houseId }).from(groupSessions).where(eq(groupSessions.id, opts.sessionId));
  if (!s || !opts.volunteer.houseId || s.houseId !== opts.volunteer.houseId) throw new AppError("notFound");
  await db.insert(users).values({ phone: opts.phone, locale: opts.locale, createdAt: opts.now }).onConflictDoNothing({ target: users.phone });
  const [u] = await db.select({ id: users.id, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.phone, opts.phone));
  if (!u || u.role !== "citizen" || u.disabledAt) throw new AppError("validation", { fields: { phone: "Groups.errors.notACitizen" } });
  return registerForSession({ db, sessionId: opts.sessionId, userId: u.id, via: "corner", now: opts.now });
}

/** A signed-in person's own registrations to sessions still to come. */
export async function myRegistrations(opts: { db: Db; userId: string; now: Date }): Promise<{ sessionId: string; seat: number }[]> {
  return opts.db
    .select({ sessionId: groupRegistrations.sessionId, seat: groupRegistrations.seat })
    .from(groupRegistrations)
    .innerJoin(groupSessions, eq(groupSessions.id, groupRegistrations.sessionId))
    .where(and(eq(groupRegistrations.userId, opts.userId), gt(groupSessions.startsAt, opts.now)));
}

/**
 * Writes the day-before reminders (SMS, through the notifications' outbox), each exactly once:
 * the mark and the notification are one transaction, and the mark is set by an update that only
 * matches while it is still null — two sweeps at once cannot both send it.
 */
export async function sweepGroupReminders(opts: { db: Db; now: Date; lessonTitle: (slug: string, locale: string) => string | null }): Promise<number> {
  const { db, now } = opts;
  const due = and(
    isNull(groupRegistrations.remindedAt),
    isNull(groupSessions.cancelledAt),
    gt(groupSessions.startsAt, new Date(now.getTime() + REMINDER_LATEST_MS)),
    lte(groupSessions.startsAt, new Date(now.getTime() + GROUP_REMINDER_MS)),
  );
  const candidates = await db
    .select({ sessionId: groupRegistrations.sessionId, seat: groupRegistrations.seat, userId: groupRegistrations.userId, locale: users.locale, startsAt: groupSessions.startsAt, lessonSlug: groupSessions.lessonSlug, topic: groupSessions.topic, houseId: groupSessions.houseId })
    .from(groupRegistrations)
    .innerJoin(groupSessions, eq(groupSessions.id, groupRegistrations.sessionId))
    .innerJoin(users, eq(users.id, groupRegistrations.userId))
    .where(due)
    .limit(500);
  let sent = 0;
  for (const c of candidates) {
    const done = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(groupRegistrations)
        .set({ remindedAt: now })
        .where(and(eq(groupRegistrations.sessionId, c.sessionId), eq(groupRegistrations.seat, c.seat), isNull(groupRegistrations.remindedAt)))
        .returning({ seat: groupRegistrations.seat });
      if (!claimed) return false;
      const topic = (c.lessonSlug && opts.lessonTitle(c.lessonSlug, c.locale)) || c.topic || "";
      await notify({ tx, userId: c.userId, type: "groupSessionReminder", data: { startsAt: c.startsAt.toISOString(), topic, houseId: c.houseId }, link: "/learn/groups", channels: ["sms"], now });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
