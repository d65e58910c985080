import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MEETING_LASTS_MINUTES, MEETING_OPENS_BEFORE_MINUTES, meetingRoleOf, meetingState } from "./meeting";

const meetsAt = new Date("2026-12-20T09:00:00Z");
const at = (minutes: number) => new Date(meetsAt.getTime() + minutes * 60_000);

describe("a commission's meeting room", () => {
  it("opens half an hour before the session and closes four hours after, to the minute", () => {
    expect(meetingState({ meetsAt, caseStatus: "commission", now: at(-MEETING_OPENS_BEFORE_MINUTES - 1) })).toBe("notYet");
    expect(meetingState({ meetsAt, caseStatus: "commission", now: at(-MEETING_OPENS_BEFORE_MINUTES) })).toBe("open");
    expect(meetingState({ meetsAt, caseStatus: "commission", now: at(MEETING_LASTS_MINUTES) })).toBe("open");
    expect(meetingState({ meetsAt, caseStatus: "commission", now: at(MEETING_LASTS_MINUTES + 1) })).toBe("closed");
  });

  it("is closed whenever the file is not before the commission, whatever the time", () => {
    fc.assert(
      fc.property(fc.constantFrom("underReview", "granted", "grantedWithConditions", "refused", "withdrawn", "documentsRequested"), fc.integer({ min: -600, max: 600 }), (status, m) => {
        expect(meetingState({ meetsAt, caseStatus: status, now: at(m) })).toBe("closed");
      }),
    );
  });

  it("lets in the session's members and admins, nobody else", () => {
    const memberIds = ["u1", "u2"];
    expect(meetingRoleOf({ userId: "u1", role: "agent", memberIds })).toBe("member");
    expect(meetingRoleOf({ userId: "u2", role: "admin", memberIds })).toBe("member");
    expect(meetingRoleOf({ userId: "u9", role: "admin", memberIds })).toBe("admin");
    for (const role of ["agent", "official", "citizen", "volunteer"]) expect(meetingRoleOf({ userId: "u9", role, memberIds })).toBeNull();
  });
});
