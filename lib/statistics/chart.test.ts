import { describe, expect, it } from "vitest";
import { columnChart, niceMax } from "./chart";

describe("column chart geometry", () => {
  const data = [
    { label: "1", value: 3 },
    { label: "2", value: 0 },
    { label: "3", value: 7 },
  ];

  it("a nice scale from zero", () => {
    expect(niceMax(7)).toEqual({ top: 8, step: 2 });
    expect(niceMax(0)).toEqual({ top: 1, step: 1 });
    expect(niceMax(120)).toEqual({ top: 150, step: 50 });
  });

  it("left to right: the first category at the left, the value axis on the left", () => {
    const c = columnChart(data, { dir: "ltr", width: 300, height: 200 });
    expect(c.bars[0]!.x).toBeLessThan(c.bars[1]!.x);
    expect(c.bars[1]!.x).toBeLessThan(c.bars[2]!.x);
    expect(c.axisX).toBe(c.plot.left);
  });

  it("right to left: the same chart mirrored (first category at the right, axis on the right)", () => {
    const ltr = columnChart(data, { dir: "ltr", width: 300, height: 200 });
    const rtl = columnChart(data, { dir: "rtl", width: 300, height: 200 });
    expect(rtl.bars[0]!.x).toBeGreaterThan(rtl.bars[2]!.x);
    expect(rtl.axisX).toBe(rtl.plot.right);
    // Mirror images: a bar's distance from its axis is the same in both directions.
    for (let i = 0; i < data.length; i++) {
      expect(rtl.axisX - (rtl.bars[i]!.x + rtl.bars[i]!.width)).toBeCloseTo(ltr.bars[i]!.x - ltr.axisX, 6);
      expect(rtl.bars[i]!.height).toBeCloseTo(ltr.bars[i]!.height, 6);
    }
  });

  it("heights are proportional; a zero is a zero-height bar", () => {
    const c = columnChart(data, { dir: "ltr", width: 300, height: 200 });
    expect(c.bars[1]!.height).toBe(0);
    expect(c.bars[2]!.height / c.bars[0]!.height).toBeCloseTo(7 / 3, 6);
    expect(c.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
  });
});
