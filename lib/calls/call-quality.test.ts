import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LEVELS, nextQuality, type Quality, type Sample } from "./call-quality";

const poor: Sample = { lossRatio: 0.12, rttMs: 400, availableKbps: 80, limitedByBandwidth: true };
const good: Sample = { lossRatio: 0, rttMs: 40, availableKbps: 900, limitedByBandwidth: false };
const start: Quality = { level: 0, videoPaused: false };

describe("call quality adaptation", () => {
  it("starts low: 320×240 scale, 15 fps, at most 150 kbps", () => {
    expect(LEVELS[0]).toEqual({ scaleResolutionDownBy: 1, maxBitrate: 150_000, maxFramerate: 15 });
  });

  it("steps down after two poor samples, pauses video last — but never a signer's", () => {
    let q = nextQuality(start, [poor], false);
    expect(q).toEqual(start);
    q = nextQuality(q, [poor, poor], false);
    expect(q).toEqual({ level: 1, videoPaused: false });
    q = nextQuality(q, [poor, poor], false);
    expect(q).toEqual({ level: 2, videoPaused: false });
    expect(nextQuality(q, [poor, poor], false)).toEqual({ level: 2, videoPaused: true });
    expect(nextQuality(q, [poor, poor], true)).toEqual({ level: 2, videoPaused: false });
  });

  it("our own bitrate cap on a clean link is not a bad link", () => {
    const capped: Sample = { lossRatio: 0, rttMs: 2, availableKbps: 160, limitedByBandwidth: true };
    expect(nextQuality(start, [capped, capped, capped], false)).toEqual(start);
    expect(nextQuality(start, [{ ...capped, lossRatio: 0.03 }, { ...capped, lossRatio: 0.03 }], false)).toEqual({ level: 1, videoPaused: false });
  });

  it("recovers after five good samples", () => {
    const paused: Quality = { level: 2, videoPaused: true };
    const five = [good, good, good, good, good];
    expect(nextQuality(paused, five.slice(1), false)).toEqual(paused);
    expect(nextQuality(paused, five, false)).toEqual({ level: 2, videoPaused: false });
    expect(nextQuality({ level: 1, videoPaused: false }, five, false)).toEqual(start);
  });

  it("a signer's video is never paused, whatever the samples", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), { maxLength: 30 }), (rounds) => {
        let q: Quality = start;
        for (const round of rounds) {
          q = nextQuality(q, round.map((p) => (p ? poor : good)), true);
          expect(q.videoPaused).toBe(false);
          expect(q.level).toBeGreaterThanOrEqual(0);
          expect(q.level).toBeLessThanOrEqual(2);
        }
      }),
    );
  });
});
