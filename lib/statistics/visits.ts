import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sectionVisits } from "@/lib/db/schema";
import { returnVisits, takeVisits } from "./visit-counter";

/**
 * Adds the visits counted in memory to the day's counters (one upsert per day and section, so
 * several instances add up). On failure the counts go back to memory for the next run.
 */
export async function flushVisits(db: Db): Promise<number> {
  const rows = takeVisits();
  if (rows.length === 0) return 0;
  try {
    await db
      .insert(sectionVisits)
      .values(rows)
      .onConflictDoUpdate({ target: [sectionVisits.day, sectionVisits.section], set: { visits: sql`${sectionVisits.visits} + excluded.visits` } });
  } catch (error) {
    returnVisits(rows);
    throw error;
  }
  return rows.reduce((a, r) => a + r.visits, 0);
}
