import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addAllowance, computeDeadline, deadlineStatus, endOfLocalDay, localDateOf, startOfLocalDay } from "./deadline";

/** A local Tunis time written as ISO with its +01:00 offset. */
const tn = (s: string) => new Date(`${s}+01:00`);

describe("deadlines in Africa/Tunis", () => {
  it("local days: Tunis is UTC+1, a day starts at 23:00 UTC the day before", () => {
    expect(startOfLocalDay({ y: 2026, m: 3, d: 1 }).toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(endOfLocalDay({ y: 2026, m: 3, d: 1 }).toISOString()).toBe("2026-03-01T22:59:59.999Z");
    // 00:30 in Tunis on 1 March is still 28 February in UTC: the local date is what counts.
    expect(localDateOf(tn("2026-03-01T00:30:00"))).toEqual({ y: 2026, m: 3, d: 1 });
    // In 2008 Tunisia had summer time (UTC+2): the computation follows the zone database.
    expect(startOfLocalDay({ y: 2008, m: 7, d: 1 }).toISOString()).toBe("2008-06-30T22:00:00.000Z");
  });

  it("20 calendar days: the day of receipt does not count, the last day counts to its end", () => {
    expect(addAllowance(tn("2026-03-01T08:00:00"), { days: 20 })).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 21 }));
    expect(addAllowance(tn("2026-03-01T23:59:00"), { days: 20 })).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 21 }));
    // Sent at 00:10 local (still 28 Feb in UTC): counted from 1 March.
    expect(addAllowance(tn("2026-03-01T00:10:00"), { days: 20 })).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 21 }));
    // Across the end of February and of the year.
    expect(addAllowance(tn("2026-02-20T10:00:00"), { days: 20 })).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 12 }));
    expect(addAllowance(tn("2028-02-20T10:00:00"), { days: 10 })).toEqual(endOfLocalDay({ y: 2028, m: 3, d: 1 })); // 29 Feb 2028
    expect(addAllowance(tn("2026-12-25T10:00:00"), { days: 20 })).toEqual(endOfLocalDay({ y: 2027, m: 1, d: 14 }));
  });

  it("48 hours: exact hours from the instant", () => {
    expect(addAllowance(tn("2026-03-01T22:15:00"), { hours: 48 }).toISOString()).toBe("2026-03-03T21:15:00.000Z");
  });

  it("the boundary: on time until the last millisecond of the last day, overdue after", () => {
    const d = computeDeadline({ submittedAt: tn("2026-03-01T10:00:00"), initial: { days: 20 }, ops: [] });
    expect(deadlineStatus(d, { days: 3 }, tn("2026-03-17T23:59:59"))).toBe("onTime");
    expect(deadlineStatus(d, { days: 3 }, tn("2026-03-19T00:00:00"))).toBe("dueSoon");
    expect(deadlineStatus(d, { days: 3 }, tn("2026-03-21T23:59:59.999"))).toBe("dueSoon");
    expect(deadlineStatus(d, { days: 3 }, tn("2026-03-22T00:00:00"))).toBe("overdue");
    expect(deadlineStatus(computeDeadline({ submittedAt: new Date(), initial: null, ops: [] }), { days: 3 }, new Date())).toBe("none");
  });

  it("a pause in days shifts the deadline by the calendar days it lasted", () => {
    const d = computeDeadline({
      submittedAt: tn("2026-03-01T10:00:00"),
      initial: { days: 20 },
      ops: [
        { at: tn("2026-03-05T16:00:00"), op: "pause" },
        { at: tn("2026-03-09T09:00:00"), op: "resume" },
      ],
    });
    expect(d.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 25 }));
    expect(d.halted).toBeNull();
    // Paused and resumed the same day: no shift.
    const same = computeDeadline({
      submittedAt: tn("2026-03-01T10:00:00"),
      initial: { days: 20 },
      ops: [
        { at: tn("2026-03-05T09:00:00"), op: "pause" },
        { at: tn("2026-03-05T17:00:00"), op: "resume" },
      ],
    });
    expect(same.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 21 }));
  });

  it("a pause in hours shifts by its exact length; while paused the status says so", () => {
    const ops = [{ at: tn("2026-03-01T12:00:00"), op: "pause" as const }];
    const paused = computeDeadline({ submittedAt: tn("2026-03-01T10:00:00"), initial: { hours: 48 }, ops });
    expect(paused.halted?.why).toBe("paused");
    expect(deadlineStatus(paused, { hours: 12 }, tn("2026-03-10T00:00:00"))).toBe("paused");
    const resumed = computeDeadline({
      submittedAt: tn("2026-03-01T10:00:00"),
      initial: { hours: 48 },
      ops: [...ops, { at: tn("2026-03-01T15:30:00"), op: "resume" }],
    });
    expect(resumed.dueAt).toEqual(tn("2026-03-03T13:30:00"));
  });

  it("extension (+10 days), restart on redirection (5 days → new 20 days), stop when decided", () => {
    const submittedAt = tn("2026-03-01T10:00:00");
    const extended = computeDeadline({ submittedAt, initial: { days: 20 }, ops: [{ at: tn("2026-03-15T10:00:00"), op: "extend", allowance: { days: 10 } }] });
    expect(extended.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 31 }));
    const redirected = computeDeadline({
      submittedAt,
      initial: { days: 5 },
      ops: [{ at: tn("2026-03-04T10:00:00"), op: "restart", allowance: { days: 20 } }],
    });
    expect(redirected.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 24 }));
    const decided = computeDeadline({ submittedAt, initial: { days: 20 }, ops: [{ at: tn("2026-03-10T10:00:00"), op: "stop" }] });
    expect(deadlineStatus(decided, { days: 3 }, tn("2026-04-30T10:00:00"))).toBe("stopped");
    // Reopened five days later: the clock runs again, shifted by the days it was stopped.
    const reopened = computeDeadline({
      submittedAt,
      initial: { days: 20 },
      ops: [
        { at: tn("2026-03-10T10:00:00"), op: "stop" },
        { at: tn("2026-03-15T10:00:00"), op: "resume" },
      ],
    });
    expect(reopened.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 26 }));
  });

  it("property: a deadline in days always ends at 23:59:59.999 Tunis time, never before the allowance", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2010-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), fc.integer({ min: 1, max: 90 }), (at, days) => {
        const due = addAllowance(at, { days });
        const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Tunis", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(due);
        return local === "23:59:59" && due.getTime() - at.getTime() > (days - 1) * 86_400_000 && due.getTime() - at.getTime() <= (days + 1) * 86_400_000;
      }),
      { numRuns: 2000 },
    );
  });

  it("property: pauses never bring a deadline earlier", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 * 24 * 60 }), { minLength: 1, maxLength: 8 }), (gapsMinutes) => {
        const submittedAt = tn("2026-03-01T10:00:00");
        const plain = computeDeadline({ submittedAt, initial: { days: 20 }, ops: [] });
        let t = submittedAt.getTime();
        const ops = gapsMinutes.map((g, i) => {
          t += g * 60_000;
          return { at: new Date(t), op: i % 2 === 0 ? ("pause" as const) : ("resume" as const) };
        });
        const d = computeDeadline({ submittedAt, initial: { days: 20 }, ops });
        return d.dueAt!.getTime() >= plain.dueAt!.getTime();
      }),
      { numRuns: 500 },
    );
  });
});
