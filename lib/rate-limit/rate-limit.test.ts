import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/open";
import { testDatabases } from "@/lib/testing/databases";
import { consume, consumeAll, minutesOf, peek, pruneRateLimits, refund, resetLimit } from "./index";

const t0 = new Date("2026-03-01T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

for (const target of testDatabases()) {
  describe(`rate limits on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    const rule = () => ({ key: `test:${randomUUID()}`, limit: 3, windowSeconds: 900 });

    it("lets `limit` hits through in a window, then says how long to wait", async () => {
      const r = rule();
      const db = database.db;
      expect(await consume({ ...r, db, now: at(0) })).toEqual({ ok: true, remaining: 2 });
      expect(await consume({ ...r, db, now: at(10) })).toEqual({ ok: true, remaining: 1 });
      expect(await consume({ ...r, db, now: at(20) })).toEqual({ ok: true, remaining: 0 });
      expect(await consume({ ...r, db, now: at(300) })).toEqual({ ok: false, retryAfterSeconds: 600 });
      expect(await peek({ ...r, db, now: at(899) })).toEqual({ ok: false, retryAfterSeconds: 1 });
      // The window rolls: at 900 s the first hit has left it, the two others have not.
      expect(await peek({ ...r, db, now: at(900) })).toEqual({ ok: true, remaining: 1 });
      expect(await consume({ ...r, db, now: at(900) })).toEqual({ ok: true, remaining: 0 });
      expect(await consume({ ...r, db, now: at(905) })).toEqual({ ok: false, retryAfterSeconds: 5 });
      // Refused hits are not remembered: the wait never grows for someone who keeps trying.
      expect(await consume({ ...r, db, now: at(909) })).toEqual({ ok: false, retryAfterSeconds: 1 });
      expect(await consume({ ...r, db, now: at(910) })).toEqual({ ok: true, remaining: 0 });
    });

    it("peek never counts", async () => {
      const r = rule();
      for (let i = 0; i < 10; i++) expect((await peek({ ...r, db: database.db, now: at(i) })).ok).toBe(true);
      expect(await consume({ ...r, db: database.db, now: at(11) })).toEqual({ ok: true, remaining: 2 });
    });

    it("refund gives hits back, never below zero, and not to a later window", async () => {
      const r = rule();
      const db = database.db;
      for (let i = 0; i < 3; i++) await consume({ ...r, db, now: at(i) });
      expect((await peek({ ...r, db, now: at(5) })).ok).toBe(false);
      await refund({ ...r, db, now: at(6) });
      expect(await peek({ ...r, db, now: at(7) })).toEqual({ ok: true, remaining: 1 });
      for (let i = 0; i < 5; i++) await refund({ ...r, db, now: at(8) });
      expect(await peek({ ...r, db, now: at(9) })).toEqual({ ok: true, remaining: 3 });
      await resetLimit({ key: r.key, db });
      expect(await consume({ ...r, db, now: at(10) })).toEqual({ ok: true, remaining: 2 });
    });

    it("a window that starts in the future (clock moved back) is over", async () => {
      const r = rule();
      const db = database.db;
      const future = at(20 * 24 * 3600);
      for (let i = 0; i < 4; i++) await consume({ ...r, db, now: future });
      expect((await peek({ ...r, db, now: future })).ok).toBe(false);
      expect(await consume({ ...r, db, now: at(0) })).toEqual({ ok: true, remaining: 2 });
    });

    it("never lets more than `limit` through under concurrency", async () => {
      const r = { ...rule(), limit: 5 };
      const results = await Promise.all(Array.from({ length: 25 }, () => consume({ ...r, db: database.db, now: at(0) })));
      expect(results.filter((x) => x.ok)).toHaveLength(5);
    });

    it("consumeAll counts each key on its own, as separate calls would, in any order of keys", async () => {
      const a = { ...rule(), key: `test:b:${randomUUID()}`, limit: 2 };
      const b = { ...rule(), key: `test:a:${randomUUID()}`, limit: 1 };
      const db = database.db;
      expect(await consumeAll([a, b], { db, now: at(0) })).toEqual([{ ok: true, remaining: 1 }, { ok: true, remaining: 0 }]);
      // b is full: refused (and not remembered), a still counts.
      expect(await consumeAll([a, b], { db, now: at(10) })).toEqual([{ ok: true, remaining: 0 }, { ok: false, retryAfterSeconds: 890 }]);
      expect(await peek({ ...a, db, now: at(11) })).toEqual({ ok: false, retryAfterSeconds: 889 });
      expect(await consumeAll([b], { db, now: at(900) })).toEqual([{ ok: true, remaining: 0 }]);
      await expect(consumeAll([a, { ...a }], { db, now: at(0) })).rejects.toThrow(RangeError);
    });

    it("consumeAll never lets more than `limit` through under concurrency, on shared and own keys", async () => {
      const shared = { ...rule(), limit: 4 };
      const results = await Promise.all(Array.from({ length: 12 }, () => consumeAll([shared, { ...rule(), limit: 1 }], { db: database.db, now: at(0) })));
      expect(results.filter(([x]) => x!.ok)).toHaveLength(4);
      expect(results.every(([, own]) => own!.ok)).toBe(true);
    });

    it("in every span of one window at most `limit` hits pass, and the wait it gives is exact", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 30, max: 300 }),
          async (gaps, limit, windowSeconds) => {
            const key = `prop:${randomUUID()}`;
            let t = 0;
            const passed: number[] = [];
            for (const gap of gaps) {
              t += gap;
              const r = await consume({ key, limit, windowSeconds, db: database.db, now: at(t) });
              if (r.ok) {
                passed.push(t);
                continue;
              }
              // Refused: the window really is full, and it frees exactly when it says.
              expect(passed.filter((p) => p > t - windowSeconds && p <= t)).toHaveLength(limit);
              expect((await peek({ key, limit, windowSeconds, db: database.db, now: at(t + r.retryAfterSeconds - 1) })).ok).toBe(false);
              expect((await peek({ key, limit, windowSeconds, db: database.db, now: at(t + r.retryAfterSeconds) })).ok).toBe(true);
            }
            // Every span [s, s + window) holds at most `limit` — no burst at any edge.
            for (const s of passed) expect(passed.filter((p) => p >= s && p < s + windowSeconds).length).toBeLessThanOrEqual(limit);
          },
        ),
        { numRuns: 25 },
      );
    });

    it("prunes ended windows", async () => {
      const r = rule();
      await consume({ ...r, db: database.db, now: at(0) });
      const n = await pruneRateLimits({ db: database.db, now: at(2 * 24 * 3600) });
      expect(n).toBeGreaterThanOrEqual(1);
      expect(await consume({ ...r, db: database.db, now: at(2 * 24 * 3600) })).toEqual({ ok: true, remaining: 2 });
    });
  });
}

describe("minutesOf", () => {
  it("rounds up, at least one", () => {
    expect(minutesOf(1)).toBe(1);
    expect(minutesOf(60)).toBe(1);
    expect(minutesOf(61)).toBe(2);
    expect(minutesOf(3600)).toBe(60);
  });
});
