import { describe, expect, it } from "vitest";
import { DEVICE_SETTINGS } from "@/lib/outbox/client/personal-data";
import { PROGRESS_KEY, isDone, parseProgress, recordScore } from "./progress";

describe("lesson progress", () => {
  it("reads only well-formed entries", () => {
    expect(parseProgress(null)).toEqual({});
    expect(parseProgress("{oops")).toEqual({});
    expect(parseProgress('{"a":{"right":2,"total":2},"b":{"right":"x","total":2},"c":{"right":0,"total":0}}')).toEqual({ a: { right: 2, total: 2 } });
  });
  it("keeps the best score and marks a lesson done when every answer was right", () => {
    let p = recordScore({}, "a", 1, 2);
    expect(isDone(p, "a")).toBe(false);
    p = recordScore(p, "a", 2, 2);
    expect(isDone(p, "a")).toBe(true);
    expect(recordScore(p, "a", 0, 2)).toBe(p);
  });
  it("is wiped at sign-out: it is not one of the device's own settings", () => {
    expect(DEVICE_SETTINGS.has(PROGRESS_KEY)).toBe(false);
  });
});
