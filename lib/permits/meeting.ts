/**
 * When and to whom a permit commission's remote meeting (its call room, lib/calls) is open, as
 * pure functions: the room opens half an hour before the session's time and closes four hours
 * after it, and only while the file is before the commission (once decided, nothing to discuss).
 * Its members sit in it, and an admin may (to help or to check); nobody else, not even other
 * staff of the municipality.
 */
export const MEETING_OPENS_BEFORE_MINUTES = 30;
export const MEETING_LASTS_MINUTES = 4 * 60;

export type MeetingState = "open" | "notYet" | "closed";
export type MeetingRole = "member" | "admin";

export function meetingState(opts: { meetsAt: Date; caseStatus: string; now: Date }): MeetingState {
  if (opts.caseStatus !== "commission") return "closed";
  const t = opts.now.getTime();
  const at = opts.meetsAt.getTime();
  if (t < at - MEETING_OPENS_BEFORE_MINUTES * 60_000) return "notYet";
  if (t > at + MEETING_LASTS_MINUTES * 60_000) return "closed";
  return "open";
}

export function meetingRoleOf(opts: { userId: string; role: string; memberIds: readonly string[] }): MeetingRole | null {
  if (opts.memberIds.includes(opts.userId)) return "member";
  if (opts.role === "admin") return "admin";
  return null;
}
