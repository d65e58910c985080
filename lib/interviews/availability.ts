import "server-only";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { interviewExceptions, interviewHolds, interviewHosts, interviewWeekly, users } from "@/lib/db/schema";
import type { Host, HostRules, Interval, WeeklyWindow } from "./slots";

export const HOLD_BLOCK_MINUTES = 5;
const MINUTE = 60_000;

export type HostSettings = Omit<HostRules, "weekly" | "exceptions"> & { topics: string[]; active: boolean };

export const defaultSettings: HostSettings = {
  slotMinutes: 30,
  bufferMinutes: 10,
  horizonDays: 21,
  minNoticeMinutes: 120,
  topics: [],
  active: true,
};

export type HostAvailability = {
  settings: HostSettings;
  weekly: (WeeklyWindow & { id: string })[];
  exceptions: { id: string; startsOn: string; endsOn: string; reason: string | null }[];
};

export async function getAvailability(opts: { db: Db | Tx; userId: string }): Promise<HostAvailability> {
  const { db, userId } = opts;
  const [host] = await db.select().from(interviewHosts).where(eq(interviewHosts.userId, userId));
  const weekly = await db
    .select({ id: interviewWeekly.id, weekday: interviewWeekly.weekday, startMinute: interviewWeekly.startMinute, endMinute: interviewWeekly.endMinute })
    .from(interviewWeekly)
    .where(eq(interviewWeekly.userId, userId))
    .orderBy(asc(interviewWeekly.weekday), asc(interviewWeekly.startMinute));
  const exceptions = await db
    .select({ id: interviewExceptions.id, startsOn: interviewExceptions.startsOn, endsOn: interviewExceptions.endsOn, reason: interviewExceptions.reason })
    .from(interviewExceptions)
    .where(eq(interviewExceptions.userId, userId))
    .orderBy(asc(interviewExceptions.startsOn));
  const settings: HostSettings = host
    ? {
        slotMinutes: host.slotMinutes,
        bufferMinutes: host.bufferMinutes,
        horizonDays: host.horizonDays,
        minNoticeMinutes: host.minNoticeMinutes,
        topics: host.topics,
        active: host.active,
      }
    : defaultSettings;
  return { settings, weekly, exceptions };
}

/** Replaces a host's settings and weekly pattern in one transaction. */
export async function saveAvailability(opts: { db: Db; userId: string; settings: HostSettings; weekly: WeeklyWindow[] }): Promise<void> {
  const { db, userId, settings, weekly } = opts;
  await db.transaction(async (tx) => {
    await tx
      .insert(interviewHosts)
      .values({ userId, ...settings, updatedAt: new Date() })
      .onConflictDoUpdate({ target: interviewHosts.userId, set: { ...settings, updatedAt: new Date() } });
    await tx.delete(interviewWeekly).where(eq(interviewWeekly.userId, userId));
    if (weekly.length) await tx.insert(interviewWeekly).values(weekly.map((w) => ({ userId, ...w })));
  });
}

export async function addException(opts: { db: Db; userId: string; startsOn: string; endsOn: string; reason: string | null }): Promise<void> {
  await opts.db.insert(interviewExceptions).values({ userId: opts.userId, startsOn: opts.startsOn, endsOn: opts.endsOn, reason: opts.reason });
}

export async function removeException(opts: { db: Db; userId: string; id: string }): Promise<void> {
  await opts.db.delete(interviewExceptions).where(and(eq(interviewExceptions.id, opts.id), eq(interviewExceptions.userId, opts.userId)));
}

/** Each host's reserved time (interview + buffer), merged from its hold blocks, from `from` on. */
async function busyOf(db: Db | Tx, hostIds: string[], from: Date): Promise<Map<string, Interval[]>> {
  const out = new Map<string, Interval[]>(hostIds.map((id) => [id, []]));
  if (hostIds.length === 0) return out;
  const rows = await db
    .select({ hostId: interviewHolds.hostId, blockStart: interviewHolds.blockStart })
    .from(interviewHolds)
    .where(and(inArray(interviewHolds.hostId, hostIds), gte(interviewHolds.blockStart, new Date(from.getTime() - HOLD_BLOCK_MINUTES * MINUTE))))
    .orderBy(asc(interviewHolds.hostId), asc(interviewHolds.blockStart));
  for (const row of rows) {
    const list = out.get(row.hostId)!;
    const end = new Date(row.blockStart.getTime() + HOLD_BLOCK_MINUTES * MINUTE);
    const last = list[list.length - 1];
    if (last && last.end.getTime() === row.blockStart.getTime()) last.end = end;
    else list.push({ start: row.blockStart, end });
  }
  return out;
}

async function hostsOf(db: Db | Tx, userIds: string[], now: Date): Promise<Host[]> {
  if (userIds.length === 0) return [];
  const busy = await busyOf(db, userIds, now);
  const hosts: Host[] = [];
  for (const id of userIds) {
    const a = await getAvailability({ db, userId: id });
    hosts.push({ id, rules: { ...a.settings, weekly: a.weekly, exceptions: a.exceptions }, busy: busy.get(id) ?? [] });
  }
  // The least booked first: ties in offerSlots go to them.
  return hosts.sort((x, y) => x.busy.length - y.busy.length || x.id.localeCompare(y.id));
}

/** Active officials of a body who take this topic, with their rules and reserved time. */
export async function loadOfficials(opts: { db: Db | Tx; bodyIds: string[]; topic: string; now: Date }): Promise<Host[]> {
  const rows = await opts.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(interviewHosts, eq(interviewHosts.userId, users.id))
    .where(
      and(
        eq(users.role, "official"),
        inArray(users.bodyId, opts.bodyIds),
        sql`${users.disabledAt} is null`,
        eq(interviewHosts.active, true),
        sql`${opts.topic} = any(${interviewHosts.topics})`,
      ),
    );
  return hostsOf(opts.db, rows.map((r) => r.id), opts.now);
}

/** Active sign-language interpreters with published availability. */
export async function loadInterpreters(opts: { db: Db | Tx; now: Date }): Promise<Host[]> {
  const rows = await opts.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(interviewHosts, eq(interviewHosts.userId, users.id))
    .where(and(eq(users.interpreter, true), sql`${users.disabledAt} is null`, eq(interviewHosts.active, true)));
  return hostsOf(opts.db, rows.map((r) => r.id), opts.now);
}

/** The 5-minute blocks a host holds for an interview [start, end) plus its buffer. */
export function holdBlocks(start: Date, end: Date, bufferMinutes: number): Date[] {
  const step = HOLD_BLOCK_MINUTES * MINUTE;
  const first = Math.floor(start.getTime() / step) * step;
  const last = end.getTime() + bufferMinutes * MINUTE;
  const out: Date[] = [];
  for (let t = first; t < last; t += step) out.push(new Date(t));
  return out;
}

