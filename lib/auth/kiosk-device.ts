import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { kioskDevices } from "@/lib/db/schema";

export type KioskDeviceRow = typeof kioskDevices.$inferSelect;

/** The enrolled, not revoked, corner of that id (what every kiosk request is checked against). */
export async function activeKioskDevice(db: Db, deviceId: string): Promise<KioskDeviceRow | null> {
  const [row] = await db
    .select()
    .from(kioskDevices)
    .where(and(eq(kioskDevices.id, deviceId), isNull(kioskDevices.revokedAt)));
  return row ?? null;
}
