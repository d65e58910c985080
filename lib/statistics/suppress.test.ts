import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DATASETS, DATASET_IDS, toCsv, type DatasetId } from "./datasets";
import { isSmallCount, suppressCount, suppressWith } from "./suppress";
import { publish } from "./publish";

describe("small-count suppression", () => {
  it("withholds 1 to 4, publishes 0 and 5+", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppressCount)).toEqual([0, null, null, null, null, 5, 6, 120]);
    expect(suppressWith(3, 12_500)).toBeNull();
    expect(suppressWith(6, 75_000)).toBe(75_000);
  });

  it("a part withheld when its complement is small (7 ratings, 5 satisfied: 2 were not)", () => {
    expect(publish("ratings", { date: "2026-01-01", subject: "case", ratings: 7, satisfied: 5 })).toEqual({ date: "2026-01-01", subject: "case", ratings: 7, satisfied: null });
    expect(publish("ratings", { date: "2026-01-01", subject: "case", ratings: 12, satisfied: 5 })).toEqual({ date: "2026-01-01", subject: "case", ratings: 12, satisfied: 5 });
  });

  // The published-cell rule, for any dataset and any raw figures: no number from 1 to 4 leaves,
  // in the rows or in the CSV, and no figure is published beside a withheld count it belongs to.
  it("no published cell is 1–4, whatever the raw figures (property)", () => {
    const dataset = fc.constantFrom(...DATASET_IDS);
    const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 1_000_000 }));
    fc.assert(
      fc.property(dataset, fc.array(fc.dictionary(fc.constantFrom("submitted", "closed", "bookings", "no_shows", "payments", "amount_millimes", "ratings", "satisfied", "visits", "lessons_completed", "guidance_sessions"), count), { maxLength: 8 }), (id: DatasetId, raws) => {
        const rows = raws.map((r) => publish(id, { date: "2026-01-01", body_id: "steg", kind: "complaint", subject: "case", section: "home", ...r }));
        for (const row of rows) {
          for (const f of DATASETS[id].fields) {
            expect(isSmallCount(row[f.name])).toBe(false);
            if (f.basis && row[f.basis] === null) expect(row[f.name]).toBeNull();
          }
        }
        const cells = toCsv(id, rows).trim().split("\r\n").slice(1).flatMap((line) => line.split(","));
        for (const cell of cells) if (/^\d+$/.test(cell)) expect(isSmallCount(Number(cell))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("CSV: a header, CRLF lines, a withheld cell empty, quotes where needed", () => {
    expect(toCsv("visits", [{ date: "2026-01-01", section: "home", visits: 120 }, { date: "2026-01-01", section: "learn", visits: null }])).toBe("date,section,visits\r\n2026-01-01,home,120\r\n2026-01-01,learn,\r\n");
    expect(toCsv("visits", [{ date: "x", section: 'a,"b"', visits: 0 }])).toBe('date,section,visits\r\nx,"a,""b""",0\r\n');
  });
});
