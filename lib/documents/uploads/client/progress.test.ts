import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { announcer, percentOf, refusalOf } from "./progress";
import { fingerprintOf } from "./resumable";

describe("the words of an upload in pieces", () => {
  it("speaks once per tenth, in order, and at every pause or resumption", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1024, max: 4 * 1024 * 1024 }), (total, chunk) => {
        const tell = announcer();
        const spoken: number[] = [];
        for (let sent = Math.min(chunk, total); ; sent = Math.min(total, sent + chunk)) {
          const { percent, speak } = tell("progress", sent, total);
          if (speak) spoken.push(Math.floor(percent / 10));
          if (sent === total) break;
        }
        // Never the same tenth twice, never more than 11 announcements, and the end is always told.
        expect(new Set(spoken).size).toBe(spoken.length);
        expect(spoken.length).toBeLessThanOrEqual(11);
        expect(spoken.at(-1)).toBe(10);
        expect(tell("paused", total, total).speak).toBe(true);
        expect(tell("resumed", total, total).speak).toBe(true);
      }),
    );
  });

  it("never goes past 100 % nor below 0", () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (a, b) => {
      const p = percentOf(Math.min(a, b), Math.max(a, b));
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
    }));
  });

  it("reads the server's refusal as the message on the file field", () => {
    expect(refusalOf({ error: { code: "validation", fields: { file: "Uploads.errors.tooMany" }, values: { max: 5 } } })).toEqual({ key: "errors.tooMany", values: { max: 5 } });
    expect(refusalOf({ error: { code: "tooLarge" } })).toEqual({ key: "errors.tooLarge", values: {} });
    expect(refusalOf("<html>proxy</html>")).toEqual({ key: "errors.damaged", values: {} });
    expect(refusalOf(null)).toEqual({ key: "errors.damaged", values: {} });
  });

  it("resumes a file only for the same person, bytes and document", () => {
    const sha = "a".repeat(64);
    expect(fingerprintOf("u1", sha, false)).toBe(`idarti.upload:u1:${sha}:plain`);
    expect(fingerprintOf("u1", sha, true, "id-card")).toBe(`idarti.upload:u1:${sha}:gps`);
    expect(fingerprintOf("u1", sha, false, "id-card")).not.toBe(fingerprintOf("u1", sha, false, "birth"));
    expect(fingerprintOf("u1", sha, false, "id-card")).not.toBe(fingerprintOf("u2", sha, false, "id-card"));
  });
});
