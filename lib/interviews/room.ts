import "server-only";
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { interviewAdmissions, interviewBookings, interviewPeers, interviewSignals, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { now as clockNow } from "@/lib/clock";
import { admittedUsers, getBooking, participationOf, type Booking, type Participation } from "./booking";
import { policy } from "./policy";
import { roomState } from "./rules";

/**
 * The call room of one booking: who has the page open (peers), who the official let in, and the
 * signaling messages between admitted peers. Every change is announced on one PostgreSQL
 * channel, so an instance holding a peer's event stream learns of messages posted to another
 * instance (PGlite: in-process; PostgreSQL: across instances).
 */
export const ROOM_CHANNEL = "interview_room";
/** A peer whose stream has not been seen for this long has left (its instance died). */
const PEER_TTL_SECONDS = 45;

export type RosterEntry = { peerId: string; userId: string; role: Participation; name: string | null; admitted: boolean; joinedAt: string };
export type SignalKind = "offer" | "answer" | "candidate" | "bye" | "state";

export type RoomAccess = { booking: Booking; role: Participation };

/** The booking, if this person is on it and its room is open now; otherwise a closed error. */
export async function enterRoom(opts: { actor: Actor; bookingId: string }): Promise<RoomAccess> {
  const { db } = await getDb();
  const booking = await getBooking({ db, bookingId: opts.bookingId });
  const role = booking ? participationOf(booking, opts.actor.userId) : null;
  // Someone not on the booking learns nothing, not even that it exists.
  if (!booking || !role) throw new AppError("notFound");
  const state = roomState(booking, await clockNow(), policy());
  if (state !== "open") throw new AppError("conflict", { messageKey: `Call.room.${state}` });
  return { booking, role };
}

async function announce(db: Db, bookingId: string) {
  await db.execute(sql`select pg_notify(${ROOM_CHANNEL}, ${bookingId})`);
}

export async function joinRoom(opts: { access: RoomAccess; userId: string; peerId: string }): Promise<void> {
  const { db } = await getDb();
  const [existing] = await db.select({ userId: interviewPeers.userId, bookingId: interviewPeers.bookingId }).from(interviewPeers).where(eq(interviewPeers.peerId, opts.peerId));
  if (existing && (existing.userId !== opts.userId || existing.bookingId !== opts.access.booking.id)) throw new AppError("forbidden");
  await db
    .insert(interviewPeers)
    .values({ peerId: opts.peerId, bookingId: opts.access.booking.id, userId: opts.userId })
    .onConflictDoUpdate({ target: interviewPeers.peerId, set: { lastSeenAt: new Date() } });
  // The official is the host: always in.
  if (opts.access.role === "official") await db.insert(interviewAdmissions).values({ bookingId: opts.access.booking.id, userId: opts.userId }).onConflictDoNothing();
  await announce(db, opts.access.booking.id);
}

export async function touchPeer(peerId: string): Promise<void> {
  const { db } = await getDb();
  await db.update(interviewPeers).set({ lastSeenAt: new Date() }).where(eq(interviewPeers.peerId, peerId));
}

export async function leaveRoom(opts: { bookingId: string; peerId: string }): Promise<void> {
  const { db } = await getDb();
  await db.delete(interviewPeers).where(eq(interviewPeers.peerId, opts.peerId));
  await announce(db, opts.bookingId);
}

export async function roster(bookingId: string): Promise<RosterEntry[]> {
  const { db } = await getDb();
  const booking = await getBooking({ db, bookingId });
  if (!booking) return [];
  const rows = await db
    .select({ peerId: interviewPeers.peerId, userId: interviewPeers.userId, name: users.name, joinedAt: interviewPeers.joinedAt })
    .from(interviewPeers)
    .innerJoin(users, eq(users.id, interviewPeers.userId))
    .where(and(eq(interviewPeers.bookingId, bookingId), gt(interviewPeers.lastSeenAt, sql`now() - make_interval(secs => ${PEER_TTL_SECONDS})`)))
    .orderBy(asc(interviewPeers.joinedAt));
  const admitted = await admittedUsers({ db, bookingId });
  return rows.flatMap((r) => {
    const role = participationOf(booking, r.userId);
    return role ? [{ peerId: r.peerId, userId: r.userId, role, name: r.name, admitted: role === "official" || admitted.has(r.userId), joinedAt: r.joinedAt.toISOString() }] : [];
  });
}

/** The official lets a waiting participant in (and back in after a drop, without asking again). */
export async function admitToRoom(opts: { access: RoomAccess; actor: Actor; userId: string }): Promise<void> {
  if (opts.access.role !== "official" || opts.actor.userId !== opts.access.booking.officialId) throw new AppError("forbidden");
  if (!participationOf(opts.access.booking, opts.userId)) throw new AppError("notFound");
  const { db } = await getDb();
  await db.insert(interviewAdmissions).values({ bookingId: opts.access.booking.id, userId: opts.userId }).onConflictDoNothing();
  await recordAudit(db, opts.actor, { action: "interview.admit", subjectType: "interview", subjectId: opts.access.booking.id, detail: { userId: opts.userId } });
  await announce(db, opts.access.booking.id);
}

/**
 * Relays one signaling message. Only admitted peers may send, only to admitted peers of the same
 * booking (or to all of them with `to: null`): someone in the lobby can neither reach nor be
 * reached by the call.
 */
export async function sendSignal(opts: { access: RoomAccess; userId: string; fromPeer: string; to: string | null; kind: SignalKind; payload: unknown }): Promise<void> {
  const bookingId = opts.access.booking.id;
  const live = await roster(bookingId);
  const me = live.find((p) => p.peerId === opts.fromPeer);
  if (!me || me.userId !== opts.userId) throw new AppError("forbidden");
  if (!me.admitted) throw new AppError("forbidden", { messageKey: "Call.errors.notAdmitted" });
  if (opts.to !== null) {
    const target = live.find((p) => p.peerId === opts.to);
    if (!target || !target.admitted) throw new AppError("conflict", { messageKey: "Call.errors.peerGone" });
  }
  const { db } = await getDb();
  await db.insert(interviewSignals).values({ bookingId, fromPeer: opts.fromPeer, toPeer: opts.to, kind: opts.kind, payload: opts.payload });
  await announce(db, bookingId);
}

export type RelayedSignal = { id: number; from: string; kind: string; payload: unknown };

export async function signalsFor(opts: { bookingId: string; peerId: string; afterId: number }): Promise<RelayedSignal[]> {
  const { db } = await getDb();
  const rows = await db
    .select()
    .from(interviewSignals)
    .where(
      and(
        eq(interviewSignals.bookingId, opts.bookingId),
        gt(interviewSignals.id, opts.afterId),
        sql`${interviewSignals.fromPeer} <> ${opts.peerId}`,
        or(isNull(interviewSignals.toPeer), eq(interviewSignals.toPeer, opts.peerId)),
      ),
    )
    .orderBy(asc(interviewSignals.id))
    .limit(500);
  return rows.map((r) => ({ id: r.id, from: r.fromPeer, kind: r.kind, payload: r.payload }));
}

/** The newest signal id of a booking: a new stream starts after it (old offers are stale). */
export async function latestSignalId(bookingId: string): Promise<number> {
  const { db } = await getDb();
  const [row] = await db.select({ id: sql<number>`coalesce(max(${interviewSignals.id}), 0)::bigint` }).from(interviewSignals).where(eq(interviewSignals.bookingId, bookingId));
  return Number(row?.id ?? 0);
}

/** Signaling is not kept: rooms of bookings that ended are emptied. */
export async function sweepRooms(): Promise<void> {
  const { db } = await getDb();
  const ended = db.select({ id: interviewBookings.id }).from(interviewBookings).where(lt(interviewBookings.endsAt, sql`now() - interval '2 hours'`));
  await db.delete(interviewSignals).where(or(lt(interviewSignals.createdAt, sql`now() - interval '6 hours'`), inArray(interviewSignals.bookingId, ended)));
  await db.delete(interviewPeers).where(lt(interviewPeers.lastSeenAt, sql`now() - interval '10 minutes'`));
}
