import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import type { Actor } from "./roles";
import { auth } from "./config";
import { loadActor } from "./sessions";
import { KIOSK_COOKIE, verifyDeviceToken } from "./device-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the current session: cookie → token (next-auth) → `sessions` row → user. Once per
 * request (React `cache`): a page, its layout and its actions share one look-up.
 */
export const readActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const sid = (session as { sid?: unknown } | null)?.sid;
  if (typeof sid !== "string" || !UUID.test(sid)) return null;
  const { db } = await getDb();
  // The corner this request comes from, if any: a corner's session is only good there.
  const deviceId = verifyDeviceToken((await cookies()).get(KIOSK_COOKIE)?.value);
  return loadActor({ db, sessionId: sid, now: await now(), deviceId });
});
