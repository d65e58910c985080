import "server-only";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { getProfile } from "./accounts";
import { countOpenSessions } from "./sessions";
import type { Actor } from "./roles";

/** What the account page shows about the signed-in person. */
export async function accountOverview(actor: Actor) {
  const { db } = await getDb();
  const profile = await getProfile(db, actor.userId);
  const devices = await countOpenSessions({ db, userId: actor.userId, now: await now() });
  return { profile, devices };
}
