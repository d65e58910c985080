import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import type { RoomAccess } from "@/lib/calls/room";
import { now as clockNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { cases, permitCommissions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { meetingRoleOf, meetingState, type MeetingRole, type MeetingState } from "./meeting";

/**
 * A permit commission's remote meeting: a room of lib/calls ("commission:<session>") with the
 * session's members — no lobby, each member is in by right — and an admin if one comes. Joins and
 * leaves are audited on the case (lib/calls/room.ts).
 */
export type CommissionMeeting = { id: string; reference: string; caseStatus: string; bodyId: string; meetsAt: Date; memberIds: string[]; role: MeetingRole; state: MeetingState };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session, as this person sees it; null if it does not exist or they are not in it (the same answer). */
export async function commissionMeeting(opts: { actor: Pick<Actor, "userId" | "role">; sessionId: string }): Promise<CommissionMeeting | null> {
  if (!uuid.test(opts.sessionId)) return null;
  const { db } = await getDb();
  const [row] = await db
    .select({ id: permitCommissions.id, meetsAt: permitCommissions.meetsAt, memberIds: permitCommissions.memberIds, reference: cases.reference, caseStatus: cases.status, bodyId: cases.bodyId })
    .from(permitCommissions)
    .innerJoin(cases, eq(cases.id, permitCommissions.caseId))
    .where(eq(permitCommissions.id, opts.sessionId));
  if (!row) return null;
  const role = meetingRoleOf({ userId: opts.actor.userId, role: opts.actor.role, memberIds: row.memberIds });
  if (!role) return null;
  return { ...row, role, state: meetingState({ meetsAt: row.meetsAt, caseStatus: row.caseStatus, now: await clockNow() }) };
}

/** Entering the meeting's room: a member or an admin, while it is open; otherwise refused. */
export async function enterCommissionRoom(opts: { actor: Actor; sessionId: string }): Promise<RoomAccess> {
  const meeting = await commissionMeeting(opts);
  if (!meeting) throw new AppError("notFound");
  if (meeting.state !== "open") throw new AppError("conflict", { messageKey: `CommissionCall.room.${meeting.state}` });
  return {
    room: `commission:${meeting.id}`,
    role: meeting.role,
    roleOf: (user) => meetingRoleOf({ userId: user.id, role: user.role, memberIds: meeting.memberIds }),
    admitted: null,
    audit: { subjectType: "case", subjectId: meeting.reference, detail: { kind: "permit", bodyId: meeting.bodyId, commission: meeting.id } },
  };
}
