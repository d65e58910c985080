import { describe, expect, it } from "vitest";
import { zonedToUtc } from "@/lib/clock/zone";
import { computeDeadline, deadlineStatus, opsForStateChange, type ClockOp } from "../../deadline";
import { stateOf } from "../../machine";
import { permit, permitMachine } from ".";
import type { PermitPayload } from "./schema";

/**
 * The permit's clock at its boundaries, in Africa/Tunis days (lib/clock): 45 days (60, 90) from
 * the day the municipality finds the file complete — not from the sending; the paused
 * completeness check and a request for documents do not count.
 */
const payload = (over: Partial<PermitPayload> = {}): PermitPayload => ({
  draftId: "00000000-0000-4000-8000-000000000000",
  bodyId: "municipality-ain-draham",
  addressArea: "Cité Ennour",
  address: "Rue des Pins",
  worksType: "new",
  floorArea: 180,
  townPlanUnderStudy: false,
  protectedSite: false,
  architect: { name: "Leila Ben Salah", registration: "A-1234" },
  documents: ["property-certificate"],
  ...over,
});
const tunis = (y: number, m: number, d: number, hh = 10, mm = 0) => zonedToUtc({ year: y, month: m, day: d }, hh * 60 + mm);
const clock = (s: string) => stateOf(permitMachine, s)!.clock;

/** The deadline as the engine computes it from the history (lib/cases/engine/core.ts deadlineOf). */
function deadlineAfter(p: PermitPayload, submittedAt: Date, moves: { at: Date; from: string; to: string }[], now?: Date) {
  const ops: ClockOp[] = [...opsForStateChange(submittedAt, "running", clock(permitMachine.initial))];
  for (const m of moves) ops.push(...opsForStateChange(m.at, clock(m.from), clock(m.to)));
  return computeDeadline({ submittedAt, initial: permit.deadline.initial(p), ops, now });
}

describe("permit deadline", () => {
  const sent = tunis(2026, 3, 1, 22);
  const complete = tunis(2026, 3, 10, 9);

  it("is not running while the completeness check is open", () => {
    const d = deadlineAfter(payload(), sent, [], tunis(2026, 6, 1));
    expect(d.halted?.why).toBe("paused");
    expect(deadlineStatus(d, permit.deadline.dueSoon, tunis(2026, 6, 1))).toBe("paused");
  });

  it("45 days from the complete file: day 44 and 45 on time, day 46 overdue (Tunis days)", () => {
    const d = deadlineAfter(payload(), sent, [{ at: complete, from: "received", to: "underReview" }]);
    // The day of completeness is not counted: 10 March + 45 days = 24 April, to its last millisecond.
    expect(d.dueAt!.getTime()).toBe(tunis(2026, 4, 24, 23, 59).getTime() + 59_999);
    const status = (at: Date) => deadlineStatus(d, permit.deadline.dueSoon, at);
    expect(status(tunis(2026, 4, 23, 23, 59))).toBe("dueSoon"); // day 44
    expect(status(tunis(2026, 4, 24, 23, 59))).toBe("dueSoon"); // day 45, last minute
    expect(status(tunis(2026, 4, 25, 0, 0))).toBe("overdue"); // day 46, first minute
    expect(status(tunis(2026, 4, 10))).toBe("onTime");
  });

  it("60 days where a town plan is under study, 90 near protected sites", () => {
    const d60 = deadlineAfter(payload({ townPlanUnderStudy: true }), sent, [{ at: complete, from: "received", to: "underReview" }]);
    expect(d60.dueAt!.getTime()).toBe(tunis(2026, 5, 9, 23, 59).getTime() + 59_999);
    const d90 = deadlineAfter(payload({ townPlanUnderStudy: true, protectedSite: true }), sent, [{ at: complete, from: "received", to: "underReview" }]);
    expect(d90.dueAt!.getTime()).toBe(tunis(2026, 6, 8, 23, 59).getTime() + 59_999);
    expect(deadlineStatus(d90, permit.deadline.dueSoon, tunis(2026, 6, 9, 0, 0))).toBe("overdue");
    expect(deadlineStatus(d90, permit.deadline.dueSoon, tunis(2026, 6, 8, 12))).toBe("dueSoon");
  });

  it("documents asked for and added: the clock starts only when the file is found complete", () => {
    const d = deadlineAfter(payload(), sent, [
      { at: tunis(2026, 3, 3), from: "received", to: "documentsRequested" },
      { at: tunis(2026, 3, 20), from: "documentsRequested", to: "received" },
      { at: tunis(2026, 3, 22, 8), from: "received", to: "underReview" },
      { at: tunis(2026, 3, 30), from: "underReview", to: "commission" },
    ]);
    expect(d.halted).toBeNull();
    // 22 March + 45 days = 6 May.
    expect(d.dueAt!.getTime()).toBe(tunis(2026, 5, 6, 23, 59).getTime() + 59_999);
  });

  it("a decision stops the clock", () => {
    const d = deadlineAfter(payload(), sent, [
      { at: complete, from: "received", to: "underReview" },
      { at: tunis(2026, 5, 1), from: "underReview", to: "granted" },
    ]);
    expect(d.halted?.why).toBe("stopped");
    expect(deadlineStatus(d, permit.deadline.dueSoon, tunis(2026, 6, 1))).toBe("stopped");
  });
});
