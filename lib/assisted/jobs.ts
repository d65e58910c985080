import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { pruneWalkIns } from "./walk-in";

/** Housekeeping: walk-in sessions whose code was never given go after WALK_IN_RETENTION_HOURS. */
export function startAssistedHousekeeping(): void {
  every("assisted-housekeeping", env().HOUSEKEEPING_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    await pruneWalkIns({ db, before: new Date(at.getTime() - env().WALK_IN_RETENTION_HOURS * 3_600_000) });
  });
}
