import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/open";
import { auditLog } from "@/lib/db/schema";
import { testDatabases } from "@/lib/testing/databases";
import { AUDIT_PAGE_SIZE, auditFilters, detailPairs, listAudit } from "./view";

describe("the audit page's filters", () => {
  it("drops what it does not understand instead of failing the page", () => {
    expect(auditFilters.parse({ area: "nope", from: "07/12/2026", after: "x" })).toEqual({ area: undefined, from: undefined, after: undefined });
    expect(auditFilters.parse({ area: "case", from: "2026-12-01", to: "2026-12-07" })).toMatchObject({ area: "case", from: "2026-12-01", to: "2026-12-07" });
  });

  it("shows a row's detail as short pairs", () => {
    expect(detailPairs({ reason: "x".repeat(200), n: 3, nested: { a: 1 } })).toEqual([
      ["reason", `${"x".repeat(119)}…`],
      ["n", "3"],
      ["nested", '{"a":1}'],
    ]);
    expect(detailPairs(null)).toEqual([]);
  });
});

for (const target of testDatabases({ isolated: true })) {
  describe(`the audit log read on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it("pages newest first without repeating or skipping a row, even with equal instants, and filters by area, subject and local day", async () => {
      const subject = `S-${randomUUID().slice(0, 8)}`;
      const base = Date.parse("2026-11-30T22:40:00Z"); // 23:40 in Tunis on 30 November: the 41st row on is 1 December
      const rows = Array.from({ length: AUDIT_PAGE_SIZE + 7 }, (_, i) => ({
        id: randomUUID(),
        // Pairs of rows share an instant: the cursor must still order them.
        at: new Date(base + Math.floor(i / 2) * 60_000),
        action: i % 3 === 0 ? "case.reply" : "interview.book",
        subjectType: "case",
        subjectId: subject,
      }));
      await database.db.insert(auditLog).values(rows);

      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 5; pages++) {
        const page = await listAudit(database.db, { subject, after });
        seen.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen).toHaveLength(rows.length);
      expect(new Set(seen).size).toBe(rows.length);
      const expected = [...rows].sort((a, b) => b.at.getTime() - a.at.getTime() || (b.id < a.id ? -1 : 1)).map((r) => r.id);
      expect(seen).toEqual(expected);

      const cases = await listAudit(database.db, { subject, area: "case" });
      expect(cases.rows.every((r) => r.action === "case.reply")).toBe(true);
      expect(cases.rows).toHaveLength(rows.filter((r) => r.action === "case.reply").length);

      // 23:00 UTC on the 30th is already 1 December in Tunis for rows from 23:00 UTC on.
      const first = await listAudit(database.db, { subject, from: "2026-12-01", to: "2026-12-01" });
      expect(first.rows).toHaveLength(rows.filter((r) => r.at.getTime() >= Date.parse("2026-11-30T23:00:00Z")).length);
      const last = await listAudit(database.db, { subject, to: "2026-11-30" });
      expect(last.rows).toHaveLength(rows.filter((r) => r.at.getTime() < Date.parse("2026-11-30T23:00:00Z")).length);
    });
  });
}
