import "server-only";
import { and, asc, eq, gte, inArray, lt, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interviewBookings, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { addException, getAvailability, removeException, saveAvailability, type HostSettings } from "./availability";
import type { Booking } from "./booking";
import { openCaseFromOutcome, recordNoShow, recordOutcome } from "./outcome";
import { policy } from "./policy";
import type { WeeklyWindow } from "./slots";
import { interviewBodyOfAccount, topicsOf } from "./topics";

/** The official's and the interpreter's side: the agenda, after the interview, availability. */
export async function agenda(opts: { actor: Actor; from: Date; to: Date }): Promise<(Booking & { citizenName: string | null })[]> {
  const { db } = await getDb();
  const rows = await db
    .select({ b: interviewBookings, citizenName: users.name })
    .from(interviewBookings)
    .innerJoin(users, eq(users.id, interviewBookings.citizenId))
    .where(
      and(
        or(eq(interviewBookings.officialId, opts.actor.userId), eq(interviewBookings.interpreterId, opts.actor.userId)),
        gte(interviewBookings.startsAt, opts.from),
        lt(interviewBookings.startsAt, opts.to),
        inArray(interviewBookings.status, ["confirmed", "pendingCode", "completed", "noShow", "cancelled"]),
      ),
    )
    .orderBy(asc(interviewBookings.startsAt));
  return rows.map((r) => ({ ...r.b, citizenName: r.citizenName }));
}

export async function saveOutcome(opts: { actor: Actor; bookingId: string; outcome: string; ip?: string | null }): Promise<Booking> {
  const { db } = await getDb();
  return recordOutcome({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, outcome: opts.outcome, now: await clockNow(), audit: { actor: opts.actor, ip: opts.ip } });
}

export async function markNoShow(opts: { actor: Actor; bookingId: string; ip?: string | null }): Promise<Booking> {
  const { db } = await getDb();
  return recordNoShow({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, now: await clockNow(), policy: policy(), audit: { actor: opts.actor, ip: opts.ip } });
}

/** The official opens a case from the outcome; returns the case's reference. */
export async function openCase(opts: { actor: Actor; bookingId: string; ip?: string | null }): Promise<string> {
  const { db } = await getDb();
  const reference = await openCaseFromOutcome({ db, bookingId: opts.bookingId, officialId: opts.actor.userId, now: await clockNow(), audit: { actor: opts.actor, ip: opts.ip } });
  nudgeDispatcher();
  return reference;
}

// ---- availability (officials and interpreters) ----

export function canHost(actor: Actor): boolean {
  return (actor.role === "official" && interviewBodyOfAccount(actor.bodyId) !== null) || actor.interpreter;
}

export async function myAvailability(opts: { actor: Actor }) {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const { db } = await getDb();
  return getAvailability({ db, userId: opts.actor.userId });
}

export async function updateAvailability(opts: { actor: Actor; settings: HostSettings; weekly: WeeklyWindow[] }): Promise<void> {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const body = interviewBodyOfAccount(opts.actor.bodyId);
  const topics = opts.actor.role === "official" && body ? opts.settings.topics.filter((t) => topicsOf(body).includes(t)) : [];
  const { db } = await getDb();
  await saveAvailability({ db, userId: opts.actor.userId, settings: { ...opts.settings, topics }, weekly: opts.weekly });
}

export async function addDayOff(opts: { actor: Actor; startsOn: string; endsOn: string; reason: string | null }): Promise<void> {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const { db } = await getDb();
  await addException({ db, userId: opts.actor.userId, ...opts });
}

export async function removeDayOff(opts: { actor: Actor; id: string }): Promise<void> {
  if (!canHost(opts.actor)) throw new AppError("forbidden");
  const { db } = await getDb();
  await removeException({ db, userId: opts.actor.userId, id: opts.id });
}
