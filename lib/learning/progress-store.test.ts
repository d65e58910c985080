import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { readScores, saveScores } from "./progress-store";

for (const target of testDatabases()) {
  describe(`lesson progress in the account on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it("keeps the best score, whatever order two devices send in, and ignores unknown lessons", async () => {
      const { userId } = await makeUser(database.db);
      const db = database.db;
      await saveScores({ db, userId, progress: { "online-safety": { right: 3, total: 3 }, "no-such-lesson": { right: 1, total: 1 } }, now: new Date() });
      await saveScores({ db, userId, progress: { "online-safety": { right: 1, total: 3 }, "pay-with-d17": { right: 1, total: 2 } }, now: new Date() });
      await saveScores({ db, userId, progress: { "pay-with-d17": { right: 2, total: 2 } }, now: new Date() });
      expect(await readScores({ db, userId })).toEqual({ "online-safety": { right: 3, total: 3 }, "pay-with-d17": { right: 2, total: 2 } });
      // Another person's progress is theirs.
      const other = await makeUser(db);
      expect(await readScores({ db, userId: other.userId })).toEqual({});
    });
  });
}
