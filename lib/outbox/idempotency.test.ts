import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { cases, idempotencyKeys } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCaseOnce } from "./submit";
import { requestHash } from "./idempotency";

const payload = { bodyId: "sonede", subject: "Coupure d'eau", question: "Pourquoi l'eau est-elle coupée depuis hier ?" };

for (const target of testDatabases()) {
  describe(`idempotent submissions on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let neighbour: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db);
      neighbour = await makeUser(db);
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    const casesOf = async (who: Actor) => Number((await db.select({ n: count() }).from(cases).where(eq(cases.citizenId, who.userId)))[0]!.n);
    const send = (key: string, who = citizen, p: unknown = payload) =>
      submitCaseOnce({ db, actor: who, key, kind: "question", payload: p, locale: "fr-TN", now: new Date() });

    it("a replay returns the first reference and creates nothing", async () => {
      const key = crypto.randomUUID();
      const first = await send(key);
      const again = await send(key);
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ result: first.result, replayed: true });
      expect(await casesOf(citizen)).toBe(1);
    });

    it("20 concurrent replays of one key make one case, and all get its reference", async () => {
      const before = await casesOf(citizen);
      const key = crypto.randomUUID();
      const results = await Promise.all(Array.from({ length: 20 }, () => send(key)));
      expect(new Set(results.map((r) => r.result.reference)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await casesOf(citizen)).toBe(before + 1);
    });

    it("keys belong to one citizen: the same key from another is another submission", async () => {
      const key = crypto.randomUUID();
      const a = await send(key, citizen);
      const b = await send(key, neighbour);
      expect(a.result.reference).not.toBe(b.result.reference);
    });

    it("refuses a key reused for a different request, and a malformed key", async () => {
      const key = crypto.randomUUID();
      await send(key);
      const reused = await send(key, citizen, { ...payload, subject: "Autre chose" }).catch((e: unknown) => e);
      expect(isAppError(reused) && reused.messageKey).toBe("Outbox.errors.keyReused");
      // Same answers with extra spaces are the same request.
      expect((await send(key, citizen, { ...payload, subject: `  ${payload.subject} ` })).replayed).toBe(true);
      const bad = await send("short").catch((e: unknown) => e);
      expect(isAppError(bad) && bad.code).toBe("validation");
    });

    it("a refused submission keeps no key: corrected, it goes through with the same key", async () => {
      const key = crypto.randomUUID();
      const refused = await send(key, citizen, { ...payload, question: "" }).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe("validation");
      expect(await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0);
      expect((await send(key)).replayed).toBe(false);
    });

    it("hashes requests canonically", () => {
      expect(requestHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(requestHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
      expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: "1" }));
    });
  });
}
