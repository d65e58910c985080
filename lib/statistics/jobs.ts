import "server-only";
import { getDb } from "@/lib/db/client";
import { every } from "@/lib/every";
import { flushVisits } from "./visits";

/** Writes the server's visit counts to the database once a minute. */
export const VISIT_FLUSH_SECONDS = 60;

export function startStatisticsJobs(): void {
  every("statistics-visits", VISIT_FLUSH_SECONDS, async () => {
    const { db } = await getDb();
    await flushVisits(db);
  });
}
