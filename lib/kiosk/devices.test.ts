import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { auditLog, kioskDevices, sessions } from "@/lib/db/schema";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { startSession } from "@/lib/auth/sessions";
import { enrolDevice, mayManageHouse, revokeDevice } from "./devices";

const at = new Date("2026-12-06T09:00:00Z");

describe("who manages a house's corners", () => {
  it("an administrator any house; an agent only their own; nobody else", () => {
    expect(mayManageHouse({ role: "admin", houseId: null }, "haidra")).toBe(true);
    expect(mayManageHouse({ role: "agent", houseId: "haidra" }, "haidra")).toBe(true);
    expect(mayManageHouse({ role: "agent", houseId: "haidra" }, "demo-gafsa-single")).toBe(false);
    expect(mayManageHouse({ role: "agent", houseId: null }, "haidra")).toBe(false);
    for (const role of ["citizen", "volunteer", "official"] as const) expect(mayManageHouse({ role, houseId: "haidra" }, "haidra")).toBe(false);
  });
});

for (const target of testDatabases()) {
  describe(`corners on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it("enrolment and revocation are audited; revoking ends the corner's sessions; another house's agent can do neither", async () => {
      const db = database.db;
      const agent = await makeUser(db, { role: "agent", houseId: "haidra" });
      const other = await makeUser(db, { role: "agent", houseId: "demo-gafsa-single" });
      await expect(enrolDevice(db, { actor: other, houseId: "haidra", label: "x", idleMinutes: 3, now: at, ip: null })).rejects.toSatisfy((e) => isAppError(e) && e.code === "forbidden");

      const device = await enrolDevice(db, { actor: agent, houseId: "haidra", label: "Entrance", idleMinutes: 3, now: at, ip: "10.0.0.1" });
      expect(device).toMatchObject({ houseId: "haidra", idleSeconds: 180, revokedAt: null });
      const s = await startSession({ db, now: at, phone: `+2165${String(Date.now()).slice(-7)}`, locale: "ar-TN", ip: null, userAgent: null, kioskDeviceId: device.id });

      await expect(revokeDevice(db, { actor: other, deviceId: device.id, now: at, ip: null })).rejects.toSatisfy((e) => isAppError(e) && e.code === "forbidden");
      await revokeDevice(db, { actor: agent, deviceId: device.id, now: at, ip: null });
      await revokeDevice(db, { actor: agent, deviceId: device.id, now: at, ip: null }); // twice: nothing more
      const [row] = await db.select().from(kioskDevices).where(eq(kioskDevices.id, device.id));
      expect(row!.revokedAt).toEqual(at);
      const [session] = await db.select().from(sessions).where(eq(sessions.id, s!.sessionId));
      expect(session!.revokedReason).toBe("kioskRevoked");
      const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, device.id));
      expect(audit.map((a) => a.action).sort()).toEqual(["kiosk.enrol", "kiosk.revoke"]);
      expect(audit.every((a) => a.actorId === agent.userId)).toBe(true);
    });
  });
}
