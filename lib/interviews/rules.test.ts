import { describe, expect, it } from "vitest";
import { citizenChangeRefusal, noShowRefusal, officialCancelRefusal, outcomeRefusal, roomState, type BookingTimes, type Policy } from "./rules";

const policy: Policy = { changeCutoffMinutes: 120, roomMarginMinutes: 15, noShowAfterMinutes: 10 };
const start = new Date("2026-06-15T09:00:00Z");
const b = (status: BookingTimes["status"] = "confirmed"): BookingTimes => ({ status, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60000) });
const at = (minutesFromStart: number) => new Date(start.getTime() + minutesFromStart * 60000);

describe("booking rules", () => {
  it("a citizen may change until the cut-off, not after", () => {
    expect(citizenChangeRefusal(b(), at(-121), policy)).toBeNull();
    expect(citizenChangeRefusal(b(), at(-120), policy)).toBeNull();
    expect(citizenChangeRefusal(b(), at(-119), policy)).toBe("pastCutoff");
    expect(citizenChangeRefusal(b(), at(-119), { ...policy, changeCutoffMinutes: 60 })).toBeNull();
  });

  it("a cancelled or moved booking cannot be changed again", () => {
    for (const s of ["cancelled", "rescheduled", "completed", "noShow"] as const) expect(citizenChangeRefusal(b(s), at(-1000), policy)).toBe("notActive");
    expect(citizenChangeRefusal(b("pendingCode"), at(-1000), policy)).toBeNull();
  });

  it("an official may cancel until the end", () => {
    expect(officialCancelRefusal(b(), at(29))).toBeNull();
    expect(officialCancelRefusal(b(), at(30))).toBe("ended");
    expect(officialCancelRefusal(b("cancelled"), at(-60))).toBe("notActive");
  });

  it("the room exists only in the booked window plus the margin", () => {
    expect(roomState(b(), at(-16), policy)).toBe("notYet");
    expect(roomState(b(), at(-15), policy)).toBe("open");
    expect(roomState(b(), at(45), policy)).toBe("open");
    expect(roomState(b(), at(46), policy)).toBe("closed");
    expect(roomState(b("cancelled"), at(0), policy)).toBe("notActive");
    expect(roomState(b("rescheduled"), at(0), policy)).toBe("notActive");
    expect(roomState(b("completed"), at(20), policy)).toBe("open");
  });

  it("no-show after the grace time; outcome once started", () => {
    expect(noShowRefusal(b(), at(9), policy)).toBe("tooEarly");
    expect(noShowRefusal(b(), at(10), policy)).toBeNull();
    expect(noShowRefusal(b("completed"), at(10), policy)).toBe("notActive");
    expect(outcomeRefusal(b(), at(-1))).toBe("notStarted");
    expect(outcomeRefusal(b(), at(0))).toBeNull();
    expect(outcomeRefusal(b("completed"), at(40))).toBeNull();
    expect(outcomeRefusal(b("noShow"), at(40))).toBe("notActive");
  });
});
