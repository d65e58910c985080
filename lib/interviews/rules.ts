/**
 * What may happen to a booking, and when: pure functions over `now` and the configured
 * cut-offs, shared by pages (to show or hide a button) and actions (to refuse).
 */
export const bookingStatuses = ["confirmed", "pendingCode", "cancelled", "rescheduled", "completed", "noShow"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export type BookingTimes = { status: BookingStatus; startsAt: Date; endsAt: Date };

export type Policy = {
  /** A citizen may reschedule or cancel until this many minutes before the start. */
  changeCutoffMinutes: number;
  /** The call room opens this many minutes before the start and closes as long after the end. */
  roomMarginMinutes: number;
  /** A no-show may be recorded this many minutes after the start. */
  noShowAfterMinutes: number;
};

const MINUTE = 60_000;

export type Refusal = "notActive" | "pastCutoff" | "ended" | "notStarted" | "tooEarly";

/** null when allowed, else the reason (a message key under Booking.refusals). */
export function citizenChangeRefusal(b: BookingTimes, now: Date, policy: Policy): Refusal | null {
  if (b.status !== "confirmed" && b.status !== "pendingCode") return "notActive";
  if (now.getTime() > b.startsAt.getTime() - policy.changeCutoffMinutes * MINUTE) return "pastCutoff";
  return null;
}

/** Officials may cancel until the end of the interview (the citizen is then offered new slots). */
export function officialCancelRefusal(b: BookingTimes, now: Date): Refusal | null {
  if (b.status !== "confirmed" && b.status !== "pendingCode") return "notActive";
  if (now.getTime() >= b.endsAt.getTime()) return "ended";
  return null;
}

export function roomWindow(b: Pick<BookingTimes, "startsAt" | "endsAt">, policy: Policy): { opens: Date; closes: Date } {
  return {
    opens: new Date(b.startsAt.getTime() - policy.roomMarginMinutes * MINUTE),
    closes: new Date(b.endsAt.getTime() + policy.roomMarginMinutes * MINUTE),
  };
}

export type RoomState = "open" | "notYet" | "closed" | "notActive";

export function roomState(b: BookingTimes, now: Date, policy: Policy): RoomState {
  // A completed interview keeps its room until the window closes (a dropped call can rejoin).
  if (b.status !== "confirmed" && b.status !== "completed") return "notActive";
  const { opens, closes } = roomWindow(b, policy);
  if (now < opens) return "notYet";
  if (now > closes) return "closed";
  return "open";
}

export function noShowRefusal(b: BookingTimes, now: Date, policy: Policy): Refusal | null {
  if (b.status !== "confirmed") return "notActive";
  if (now.getTime() < b.startsAt.getTime() + policy.noShowAfterMinutes * MINUTE) return "tooEarly";
  return null;
}

export function outcomeRefusal(b: BookingTimes, now: Date): Refusal | null {
  if (b.status !== "confirmed" && b.status !== "completed") return "notActive";
  if (now < b.startsAt) return "notStarted";
  return null;
}
