import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, pgliteStartParams } from "./open";

/** PGlite's buffer pool lives in the app's memory: it is set small, and a bad size is refused (issue 19 §3). */
describe("PGlite start parameters", () => {
  it("keeps PGlite's own parameters and adds the buffer pool size", () => {
    expect(pgliteStartParams(["--single", "-F"], "32MB")).toEqual(["--single", "-F", "-c", "shared_buffers=32MB"]);
    expect(pgliteStartParams([])).toEqual(["-c", "shared_buffers=16MB"]);
  });

  it("refuses anything but a size, so no other setting rides along", () => {
    for (const bad of ["16", "16 MB", "16MB -c fsync=off", "-1MB", ""]) expect(() => pgliteStartParams([], bad)).toThrow(/PGLITE_SHARED_BUFFERS/);
  });

  it("PGlite runs with the smaller pool", async () => {
    const database = await openDatabase({ pgliteDir: "memory://", pgliteSharedBuffers: "8MB", migrate: false });
    try {
      const res = await database.db.execute(sql`show shared_buffers`);
      expect((res as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers).toBe("8MB");
    } finally {
      await database.close();
    }
  });
});
