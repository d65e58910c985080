import { describe, expect, it } from "vitest";
import { encodeWithin, fitInside } from "./resize";

describe("photo resizing on the phone", () => {
  it("fits the longest side in 1600 px and keeps proportions; never enlarges", () => {
    expect(fitInside(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitInside(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitInside(1600, 900)).toEqual({ width: 1600, height: 900 });
    expect(fitInside(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitInside(20000, 10)).toEqual({ width: 1600, height: 1 });
  });

  it("steps the quality down until the photo is about 500 kB", async () => {
    const tried: number[] = [];
    const size = (q: number) => Math.round(q * 1_000_000);
    const blob = await encodeWithin(async (q) => {
      tried.push(q);
      return new Blob([new Uint8Array(size(q))]);
    }, 500 * 1024);
    expect(tried).toEqual([0.85, 0.75, 0.65, 0.55, 0.45]);
    expect(blob?.size).toBe(size(0.45));
    const first = await encodeWithin(async (q) => new Blob([new Uint8Array(q > 0.8 ? 100 : 10)]), 500);
    expect(first?.size).toBe(100);
  });
});
