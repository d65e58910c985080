import { describe, expect, it } from "vitest";
import { visualRuns, visualString } from "./bidi-text";

describe("bidi for PDF lines", () => {
  it("keeps a Latin reference and digits left-to-right inside an Arabic line, at the right place", () => {
    const line = "وصل خلاص PAY-7K3F-9Q2M بتاريخ 2026";
    const runs = visualRuns(line, "rtl");
    // Visual order, left to right: the last logical words come first.
    expect(runs.map((r) => r.text)).toEqual(["2026", " بتاريخ ", "PAY-7K3F-9Q2M", "وصل خلاص "]);
    expect(runs.map((r) => r.rtl)).toEqual([false, true, false, true]);
  });

  it("reads right to left when reversed back", () => {
    const line = "المبلغ: 87,450 د.ت";
    // Left to right on the page: the currency (read last), the amount, then the label at the right.
    expect(visualString(line, "rtl")).toBe("ت.د 87,450 :غلبملا");
  });

  it("mirrors brackets in right-to-left runs", () => {
    const runs = visualRuns("الفاتورة (الكهرباء)", "rtl");
    const text = runs.map((r) => r.text).join("");
    // Logical order is kept for the shaper, with each bracket swapped for its mirror.
    expect(text).toBe("الفاتورة )الكهرباء(");
  });

  it("leaves a left-to-right line alone", () => {
    expect(visualRuns("Reçu de paiement PAY-7K3F-9Q2M", "ltr")).toEqual([{ text: "Reçu de paiement PAY-7K3F-9Q2M", rtl: false, level: 0 }]);
  });

  it("reverses a right-to-left run of punctuation itself", () => {
    const runs = visualRuns("أ - ب", "rtl");
    expect(runs).toHaveLength(1);
    expect(runs[0]!.rtl).toBe(true);
  });
});
