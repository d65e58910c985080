import "server-only";
import { getDb } from "@/lib/db/client";
import { interviewAdmissions } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { now as clockNow } from "@/lib/clock";
import { roomChanged, type RoomAccess } from "@/lib/calls/room";
import { admittedUsers, getBooking, participationOf, type Booking, type Participation } from "./booking";
import { policy } from "./policy";
import { roomState } from "./rules";

/**
 * The interview's call room is a room of lib/calls ("interview:<booking>") with the booking's
 * people (citizen, official, interpreter) and a lobby: the official is the host, always in, and
 * lets the others in (kept, so a dropped call rejoins without asking again).
 */
export type InterviewRoom = { booking: Booking; role: Participation; access: RoomAccess };

const roomOf = (bookingId: string) => `interview:${bookingId}`;

/** The booking's room, if this person is on it and its room is open now; otherwise a closed error. */
export async function enterRoom(opts: { actor: Actor; bookingId: string }): Promise<InterviewRoom> {
  const { db } = await getDb();
  const booking = await getBooking({ db, bookingId: opts.bookingId });
  const role = booking ? participationOf(booking, opts.actor.userId) : null;
  // Someone not on the booking learns nothing, not even that it exists.
  if (!booking || !role) throw new AppError("notFound");
  const state = roomState(booking, await clockNow(), policy());
  if (state !== "open") throw new AppError("conflict", { messageKey: `Call.room.${state}` });
  const access: RoomAccess = {
    room: roomOf(booking.id),
    role,
    roleOf: (user) => participationOf(booking, user.id),
    admitted: async () => {
      const set = await admittedUsers({ db, bookingId: booking.id });
      set.add(booking.officialId);
      return set;
    },
    // The official is the host: always in.
    onJoin: role === "official" ? async () => void (await db.insert(interviewAdmissions).values({ bookingId: booking.id, userId: opts.actor.userId }).onConflictDoNothing()) : undefined,
    audit: { subjectType: "interview", subjectId: booking.id },
  };
  return { booking, role, access };
}

/** The official lets a waiting participant in (and back in after a drop, without asking again). */
export async function admitToRoom(opts: { room: InterviewRoom; actor: Actor; userId: string }): Promise<void> {
  const { booking, role } = opts.room;
  if (role !== "official" || opts.actor.userId !== booking.officialId) throw new AppError("forbidden");
  if (!participationOf(booking, opts.userId)) throw new AppError("notFound");
  const { db } = await getDb();
  await db.insert(interviewAdmissions).values({ bookingId: booking.id, userId: opts.userId }).onConflictDoNothing();
  await recordAudit(db, opts.actor, { action: "interview.admit", subjectType: "interview", subjectId: booking.id, detail: { userId: opts.userId } });
  await roomChanged(opts.room.access.room);
}
