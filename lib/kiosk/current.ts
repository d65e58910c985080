import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db/client";
import { KIOSK_COOKIE, KIOSK_MARKER_COOKIE, verifyDeviceToken } from "@/lib/auth/device-token";
import { activeKioskDevice } from "@/lib/auth/kiosk-device";
import type { KioskDevice } from "./devices";

export type KioskState = { state: "none" } | { state: "gone" } | { state: "active"; device: KioskDevice };

/**
 * Whether this request comes from an enrolled corner, checked against the database on every
 * call: "gone" is a browser that still holds a token (or the marker) of a corner that was revoked
 * or never existed — it must leave kiosk mode now.
 */
export async function currentKiosk(): Promise<KioskState> {
  const jar = await cookies();
  const token = jar.get(KIOSK_COOKIE)?.value;
  if (!token) return jar.has(KIOSK_MARKER_COOKIE) ? { state: "gone" } : { state: "none" };
  const id = verifyDeviceToken(token);
  if (!id) return { state: "gone" };
  const { db } = await getDb();
  const device = await activeKioskDevice(db, id);
  return device ? { state: "active", device } : { state: "gone" };
}
