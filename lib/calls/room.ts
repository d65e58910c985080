import "server-only";
import { and, asc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { callPeers, callSignals, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";

/**
 * A call room for N participants: who has the page open (peers), who is in the call (admitted),
 * and the signaling messages between admitted peers. The room does not know what it is for: the
 * owning domain (an interview's booking, a permit commission's session) decides who may enter,
 * with which role, and whether a host lets people in from a lobby (`RoomAccess`). Every change is
 * announced on one PostgreSQL channel, so an instance holding a peer's event stream learns of
 * messages posted to another instance (PGlite: in-process; PostgreSQL: across instances).
 */
export const ROOM_CHANNEL = "call_room";
/** A peer whose stream has not been seen for this long has left (its instance died). */
const PEER_TTL_SECONDS = 45;

export type RosterEntry = { peerId: string; userId: string; role: string; name: string | null; admitted: boolean; joinedAt: string };
export type SignalKind = "offer" | "answer" | "candidate" | "bye" | "state";

/** What the owning domain says about one person entering one room (made by its `enter…` function). */
export type RoomAccess = {
  /** "<kind>:<id>", e.g. "interview:<booking>", "commission:<session>". */
  room: string;
  /** This person's role in the room. */
  role: string;
  /** The role of anyone in the room (by their id and account role); null for someone who does not belong (never shown). */
  roleOf: (user: { id: string; role: string }) => string | null;
  /**
   * Who is in the call. `null`: no lobby, everyone who may enter is in (a commission's members);
   * otherwise the set of admitted users (an interview: the official, and whom they let in).
   */
  admitted: (() => Promise<ReadonlySet<string>>) | null;
  /** Called when this person's page joins (the interview's official is its host: always in). */
  onJoin?: () => Promise<void>;
  /** Where joins and leaves are audited (the room's subject). */
  audit: { subjectType: string; subjectId: string; detail?: Record<string, unknown> };
};

async function announce(db: Db, room: string) {
  await db.execute(sql`select pg_notify(${ROOM_CHANNEL}, ${room})`);
}

/** A page enters the room (its event stream opened). A page's first entry is audited; a reconnect of the same page is not. */
export async function joinRoom(opts: { access: RoomAccess; actor: Actor; peerId: string; ip?: string | null }): Promise<void> {
  const { db } = await getDb();
  const { access } = opts;
  const [existing] = await db.select({ userId: callPeers.userId, room: callPeers.room }).from(callPeers).where(eq(callPeers.peerId, opts.peerId));
  if (existing && (existing.userId !== opts.actor.userId || existing.room !== access.room)) throw new AppError("forbidden");
  await db
    .insert(callPeers)
    .values({ peerId: opts.peerId, room: access.room, userId: opts.actor.userId })
    .onConflictDoUpdate({ target: callPeers.peerId, set: { lastSeenAt: new Date() } });
  if (!existing) await recordAudit(db, opts.actor, { action: "call.join", subjectType: access.audit.subjectType, subjectId: access.audit.subjectId, detail: { ...access.audit.detail, room: access.room, role: access.role, peer: opts.peerId } }, opts.ip);
  await access.onJoin?.();
  await announce(db, access.room);
}

export async function touchPeer(peerId: string): Promise<void> {
  const { db } = await getDb();
  await db.update(callPeers).set({ lastSeenAt: new Date() }).where(eq(callPeers.peerId, peerId));
}

/** A page leaves (its stream closed: hung up, page closed, network gone). Audited once, if it was there. */
export async function leaveRoom(opts: { access: RoomAccess; actor: Actor; peerId: string; ip?: string | null }): Promise<void> {
  const { db } = await getDb();
  const gone = await db.delete(callPeers).where(and(eq(callPeers.peerId, opts.peerId), eq(callPeers.room, opts.access.room))).returning({ peerId: callPeers.peerId });
  if (gone.length) {
    const { access } = opts;
    await recordAudit(db, opts.actor, { action: "call.leave", subjectType: access.audit.subjectType, subjectId: access.audit.subjectId, detail: { ...access.audit.detail, room: access.room, role: access.role, peer: opts.peerId } }, opts.ip);
  }
  await announce(db, opts.access.room);
}

/** Who is in the room now, in the order they came; only people the room's owner says belong. */
export async function roster(access: RoomAccess): Promise<RosterEntry[]> {
  const { db } = await getDb();
  const rows = await db
    .select({ peerId: callPeers.peerId, userId: callPeers.userId, name: users.name, userRole: users.role, joinedAt: callPeers.joinedAt })
    .from(callPeers)
    .innerJoin(users, eq(users.id, callPeers.userId))
    .where(and(eq(callPeers.room, access.room), gt(callPeers.lastSeenAt, sql`now() - make_interval(secs => ${PEER_TTL_SECONDS})`)))
    .orderBy(asc(callPeers.joinedAt));
  const admitted = access.admitted ? await access.admitted() : null;
  return rows.flatMap((r) => {
    const role = access.roleOf({ id: r.userId, role: r.userRole });
    return role ? [{ peerId: r.peerId, userId: r.userId, role, name: r.name, admitted: admitted === null || admitted.has(r.userId), joinedAt: r.joinedAt.toISOString() }] : [];
  });
}

/** The host let someone in: everyone's roster changes. */
export async function roomChanged(room: string): Promise<void> {
  const { db } = await getDb();
  await announce(db, room);
}

/**
 * Relays one signaling message. Only admitted peers may send, only to admitted peers of the same
 * room (or to all of them with `to: null`): someone in the lobby can neither reach nor be
 * reached by the call.
 */
export async function sendSignal(opts: { access: RoomAccess; userId: string; fromPeer: string; to: string | null; kind: SignalKind; payload: unknown }): Promise<void> {
  const live = await roster(opts.access);
  const me = live.find((p) => p.peerId === opts.fromPeer);
  if (!me || me.userId !== opts.userId) throw new AppError("forbidden");
  if (!me.admitted) throw new AppError("forbidden", { messageKey: "Call.errors.notAdmitted" });
  if (opts.to !== null) {
    const target = live.find((p) => p.peerId === opts.to);
    if (!target || !target.admitted) throw new AppError("conflict", { messageKey: "Call.errors.peerGone" });
  }
  const { db } = await getDb();
  await db.insert(callSignals).values({ room: opts.access.room, fromPeer: opts.fromPeer, toPeer: opts.to, kind: opts.kind, payload: opts.payload });
  await announce(db, opts.access.room);
}

export type RelayedSignal = { id: number; from: string; kind: string; payload: unknown };

export async function signalsFor(opts: { room: string; peerId: string; afterId: number }): Promise<RelayedSignal[]> {
  const { db } = await getDb();
  const rows = await db
    .select()
    .from(callSignals)
    .where(
      and(
        eq(callSignals.room, opts.room),
        gt(callSignals.id, opts.afterId),
        sql`${callSignals.fromPeer} <> ${opts.peerId}`,
        or(isNull(callSignals.toPeer), eq(callSignals.toPeer, opts.peerId)),
      ),
    )
    .orderBy(asc(callSignals.id))
    .limit(500);
  return rows.map((r) => ({ id: r.id, from: r.fromPeer, kind: r.kind, payload: r.payload }));
}

/** The newest signal id of a room: a new stream starts after it (old offers are stale). */
export async function latestSignalId(room: string): Promise<number> {
  const { db } = await getDb();
  const [row] = await db.select({ id: sql<number>`coalesce(max(${callSignals.id}), 0)::bigint` }).from(callSignals).where(eq(callSignals.room, room));
  return Number(row?.id ?? 0);
}

/** Signaling is not kept: a room nobody is in any more is emptied, and nothing is kept beyond six hours. */
export async function sweepRooms(): Promise<void> {
  const { db } = await getDb();
  await db.delete(callPeers).where(lt(callPeers.lastSeenAt, sql`now() - interval '10 minutes'`));
  await db
    .delete(callSignals)
    .where(
      or(
        lt(callSignals.createdAt, sql`now() - interval '6 hours'`),
        and(lt(callSignals.createdAt, sql`now() - interval '10 minutes'`), sql`not exists (select 1 from ${callPeers} where ${callPeers.room} = ${callSignals.room})`),
      ),
    );
}
