import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { type Database } from "./open";
import { auditLog, users } from "./schema";
import { testDatabases } from "@/lib/testing/db";

/**
 * The data layer on embedded PGlite, and on a real PostgreSQL when TEST_DATABASE_URL is set
 * (.ci/run starts one). Same schema, same migrations, same behaviour.
 */
const targets = testDatabases();

for (const target of targets) {
  describe(`database on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it("applies the migrations (twice is harmless)", async () => {
      const { migrateDatabase } = await import("./open");
      await migrateDatabase(database);
      const res = await database.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'users'`);
      expect(Number((res as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(1);
    });

    it("enforces one account per phone number", async () => {
      const phone = `+2169${Math.floor(1e6 + Math.random() * 8e6)}`;
      await database.db.insert(users).values({ phone });
      await expect(database.db.insert(users).values({ phone })).rejects.toThrow();
      const rows = await database.db.select().from(users).where(eq(users.phone, phone));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.role).toBe("citizen");
      expect(rows[0]!.locale).toBe("ar-TN");
    });

    it("rolls a failed transaction back entirely", async () => {
      const marker = `tx-${Math.random()}`;
      await expect(
        database.db.transaction(async (tx) => {
          await tx.insert(auditLog).values({ action: marker });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await database.db.select().from(auditLog).where(eq(auditLog.action, marker))).toHaveLength(0);
    });

    it("delivers NOTIFY to a listener after commit", async () => {
      const got: string[] = [];
      const stop = await database.listen("idarti_test", (p) => got.push(p));
      await database.db.execute(sql`select pg_notify('idarti_test', 'hello')`);
      await expect.poll(() => got, { timeout: 5000 }).toEqual(["hello"]);
      await stop();
    });
  });
}
