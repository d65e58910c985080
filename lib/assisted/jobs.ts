import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { pruneWalkIns } from "./walk-in";
import { pruneGuidance } from "./guidance";

/** Housekeeping: walk-in and guidance sessions whose code was never given go after WALK_IN_RETENTION_HOURS. */
export function startAssistedHousekeeping(): void {
  every("assisted-housekeeping", env().HOUSEKEEPING_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    const before = new Date(at.getTime() - env().WALK_IN_RETENTION_HOURS * 3_600_000);
    await pruneWalkIns({ db, before });
    await pruneGuidance({ db, before });
  });
}
