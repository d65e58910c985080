import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { kioskDevices, sessions } from "@/lib/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";

/**
 * Self-service corners: a browser enrolled by an administrator, or by an agent of that house,
 * as the shared screen of a service house. Enrolment and revocation are audited; revoking also
 * ends the sessions opened at that corner.
 */
export { DEFAULT_IDLE_MINUTES, MIN_IDLE_MINUTES, MAX_IDLE_MINUTES } from "./forms";

export type KioskDevice = typeof kioskDevices.$inferSelect;

/** Administrators manage every corner; an agent only those of their own house. */
export function mayManageHouse(actor: Pick<Actor, "role" | "houseId">, houseId: string): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "agent" && actor.houseId !== null && actor.houseId === houseId;
}

export async function enrolDevice(
  db: Db,
  opts: { actor: Actor; houseId: string; label: string; idleMinutes: number; now: Date; ip: string | null },
): Promise<KioskDevice> {
  if (!mayManageHouse(opts.actor, opts.houseId)) throw new AppError("forbidden", { fields: { houseId: "KioskAdmin.errors.house" } });
  return db.transaction(async (tx) => {
    const [device] = await tx
      .insert(kioskDevices)
      .values({ houseId: opts.houseId, label: opts.label, idleSeconds: opts.idleMinutes * 60, createdAt: opts.now, createdBy: opts.actor.userId })
      .returning();
    await recordAudit(tx, opts.actor, { action: "kiosk.enrol", subjectType: "kioskDevice", subjectId: device!.id, detail: { houseId: opts.houseId, label: opts.label, idleMinutes: opts.idleMinutes } }, opts.ip);
    return device!;
  });
}

/** Revokes a corner and ends every session opened there. Revoking twice changes nothing. */
export async function revokeDevice(db: Db, opts: { actor: Actor; deviceId: string; now: Date; ip: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const [device] = await tx.select().from(kioskDevices).where(eq(kioskDevices.id, opts.deviceId));
    if (!device || !mayManageHouse(opts.actor, device.houseId)) throw new AppError("forbidden");
    if (device.revokedAt) return;
    await tx.update(kioskDevices).set({ revokedAt: opts.now, revokedBy: opts.actor.userId }).where(eq(kioskDevices.id, device.id));
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: opts.now, revokedReason: "kioskRevoked" })
      .where(and(eq(sessions.kioskDeviceId, device.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await recordAudit(tx, opts.actor, { action: "kiosk.revoke", subjectType: "kioskDevice", subjectId: device.id, detail: { houseId: device.houseId, sessionsEnded: ended.length } }, opts.ip);
  });
}

/** The corners a staff member may see: all for an administrator, their house's for an agent. */
export async function listDevices(actor: Pick<Actor, "role" | "houseId">): Promise<KioskDevice[]> {
  const { db } = await getDb();
  if (actor.role === "admin") return db.select().from(kioskDevices).orderBy(desc(kioskDevices.createdAt));
  if (actor.role !== "agent" || !actor.houseId) return [];
  return db.select().from(kioskDevices).where(eq(kioskDevices.houseId, actor.houseId)).orderBy(desc(kioskDevices.createdAt));
}
