/**
 * Deadlines, computed (never stored by hand) from the kind's rule, the legal electronic date of
 * submission and the case's history. Pure functions: the engine feeds them the events.
 *
 * Two kinds of allowance, as the law counts them:
 * - `days`: calendar days in Africa/Tunis. The day of receipt is not counted; the deadline ends at
 *   the end (23:59:59.999) of the last day. 20 days from a request sent on 1 March at 22:00 end on
 *   21 March at midnight, whatever the hour of sending.
 * - `hours`: exact hours from the instant (48 h where a life or liberty is at stake).
 *
 * The history can pause the clock (waiting for the citizen), stop it (decided), resume it,
 * extend the deadline (+10 days for a multiple request) or restart it (a redirected request gets a
 * new allowance from the redirection). A pause in days shifts the deadline by the number of
 * calendar days it lasted; a pause in hours by its exact length.
 */
import { addDays, daysBetween as zonedDaysBetween, endOfLocalDay as zonedEndOfDay, localDateOf as zonedDateOf, startOfLocalDay as zonedStartOfDay, type LocalDate as ZoneDate } from "@/lib/clock/zone";
import type { GuardContext } from "./machine";

export type Allowance = { days: number } | { hours: number };

export type Adjustment = {
  op: "extend" | "restart";
  allowance: Allowance;
  /** How many times it may be applied to one case (e.g. one extension). */
  max?: number;
  /** A rule of time or history (e.g. "before the deadline has passed"): null when allowed, else a message key. */
  guard?: (ctx: GuardContext) => string | null;
};

/** A kind's deadline rule. `initial` may read the payload (48 h vs 20 days). */
export type DeadlineRule<P = unknown> = {
  initial: (payload: P) => Allowance | null;
  /** A case is "due soon" within this of its deadline. */
  dueSoon: Allowance;
  /** Named adjustments that events of the kind may apply, e.g. { extension: {op:"extend", …} }. */
  adjustments?: Record<string, Adjustment>;
};

export type ClockOp =
  | { at: Date; op: "pause" }
  | { at: Date; op: "stop" }
  | { at: Date; op: "resume" }
  | { at: Date; op: "extend"; allowance: Allowance }
  | { at: Date; op: "restart"; allowance: Allowance };

export type Deadline = {
  /** The deadline as it stands; while the clock is halted, as it would stand if resumed now. */
  dueAt: Date | null;
  /** Unit of the running allowance (how pauses count). */
  unit: "days" | "hours" | null;
  halted: null | { since: Date; why: "paused" | "stopped" };
};

export type DeadlineStatus = "none" | "onTime" | "dueSoon" | "overdue" | "paused" | "stopped";

// ── Local dates in Africa/Tunis (through the one time-zone module) ──────────────────────────

type LocalDate = { y: number; m: number; d: number };

const toZone = (date: LocalDate): ZoneDate => ({ year: date.y, month: date.m, day: date.d });
const fromZone = (date: ZoneDate): LocalDate => ({ y: date.year, m: date.month, d: date.day });

export function localDateOf(at: Date): LocalDate {
  return fromZone(zonedDateOf(at));
}

function addDaysToDate(date: LocalDate, days: number): LocalDate {
  return fromZone(addDays(toZone(date), days));
}

/** The first instant of a local day in Africa/Tunis. */
export function startOfLocalDay(date: LocalDate): Date {
  return zonedStartOfDay(toZone(date));
}

/** The last millisecond of a local day in Africa/Tunis. */
export function endOfLocalDay(date: LocalDate): Date {
  return zonedEndOfDay(toZone(date));
}

function daysBetween(a: LocalDate, b: LocalDate): number {
  return zonedDaysBetween(toZone(a), toZone(b));
}

// ── Allowances ─────────────────────────────────────────────────────────────────────────────

function unitOf(a: Allowance): "days" | "hours" {
  return "days" in a ? "days" : "hours";
}

/** The deadline that `allowance` gives from `from` (days: end of the last local day). */
export function addAllowance(from: Date, allowance: Allowance): Date {
  if ("days" in allowance) return endOfLocalDay(addDaysToDate(localDateOf(from), allowance.days));
  return new Date(from.getTime() + allowance.hours * 3_600_000);
}

/** Moves an existing deadline later by an allowance (an extension). */
function extendDeadline(due: Date, allowance: Allowance): Date {
  if ("days" in allowance) return endOfLocalDay(addDaysToDate(localDateOf(due), allowance.days));
  return new Date(due.getTime() + allowance.hours * 3_600_000);
}

/** Shifts a deadline by the time its clock was halted: whole local days for a days allowance. */
function shiftForHalt(due: Date, unit: "days" | "hours", since: Date, until: Date): Date {
  if (unit === "days") {
    const days = daysBetween(localDateOf(since), localDateOf(until));
    return days > 0 ? endOfLocalDay(addDaysToDate(localDateOf(due), days)) : due;
  }
  return new Date(due.getTime() + Math.max(0, until.getTime() - since.getTime()));
}

// ── The computation ────────────────────────────────────────────────────────────────────────

export function computeDeadline(opts: { submittedAt: Date; initial: Allowance | null; ops: readonly ClockOp[]; now?: Date }): Deadline {
  let dueAt = opts.initial ? addAllowance(opts.submittedAt, opts.initial) : null;
  let unit = opts.initial ? unitOf(opts.initial) : null;
  let halted: Deadline["halted"] = null;
  const ops = [...opts.ops].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const op of ops) {
    switch (op.op) {
      case "pause":
      case "stop": {
        const why = op.op === "pause" ? "paused" : "stopped";
        halted = halted ? { since: halted.since, why } : { since: op.at, why };
        break;
      }
      case "resume":
        if (halted && dueAt && unit) dueAt = shiftForHalt(dueAt, unit, halted.since, op.at);
        halted = null;
        break;
      case "extend":
        if (dueAt) dueAt = extendDeadline(dueAt, op.allowance);
        break;
      case "restart":
        dueAt = addAllowance(op.at, op.allowance);
        unit = unitOf(op.allowance);
        halted = null;
        break;
    }
  }
  // A paused clock still counts towards "as it would stand if resumed now".
  if (halted?.why === "paused" && dueAt && unit && opts.now) dueAt = shiftForHalt(dueAt, unit, halted.since, opts.now);
  return { dueAt, unit, halted };
}

export function deadlineStatus(deadline: Deadline, dueSoon: Allowance, now: Date): DeadlineStatus {
  if (!deadline.dueAt) return "none";
  if (deadline.halted) return deadline.halted.why;
  if (now.getTime() > deadline.dueAt.getTime()) return "overdue";
  const soonFrom = "days" in dueSoon ? deadline.dueAt.getTime() - dueSoon.days * 86_400_000 : deadline.dueAt.getTime() - dueSoon.hours * 3_600_000;
  return now.getTime() >= soonFrom ? "dueSoon" : "onTime";
}

/** The clock ops implied by a change of state, from the clocks of the two states. */
export function opsForStateChange(at: Date, from: "running" | "paused" | "stopped", to: "running" | "paused" | "stopped"): ClockOp[] {
  if (from === to) return [];
  if (to === "running") return [{ at, op: "resume" }];
  return [{ at, op: to === "paused" ? "pause" : "stop" }];
}
