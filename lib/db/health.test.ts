import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./open";
import { testDatabases } from "@/lib/testing/databases";
import { expectedMigrations, probeDatabase } from "./health";

for (const target of testDatabases()) {
  describe(`readiness of ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it("is ready when every migration of the build is applied", async () => {
      const probe = await probeDatabase(database.db);
      expect(probe).toMatchObject({ ok: true, migrations: { applied: expectedMigrations(), expected: expectedMigrations() } });
      expect(expectedMigrations()).toBeGreaterThan(20);
    });

    it("is not ready when the build expects a migration the database lacks", async () => {
      const probe = await probeDatabase(database.db, expectedMigrations() + 1);
      expect(probe).toMatchObject({ ok: false, error: "migrations-behind" });
    });
  });
}
