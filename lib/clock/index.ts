import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { testClock } from "@/lib/db/schema";
import { env } from "@/lib/env";

/**
 * The time of the server. In production it is the system clock; with TEST_CLOCK=true (tests and
 * demos only) a row in `test_clock` can freeze it, so deadlines and bookings can be walked
 * through in e2e tests. Logic that depends on time takes `now` as a parameter and stays pure.
 */
export async function now(): Promise<Date> {
  if (!env().TEST_CLOCK) return new Date();
  const { db } = await getDb();
  const [row] = await db.select().from(testClock).where(eq(testClock.id, 1));
  return row?.frozenAt ?? new Date();
}

export async function setTestClock(at: Date | null): Promise<void> {
  if (!env().TEST_CLOCK) throw new Error("the test clock is disabled");
  const { db } = await getDb();
  await db
    .insert(testClock)
    .values({ id: 1, frozenAt: at })
    .onConflictDoUpdate({ target: testClock.id, set: { frozenAt: at } });
}
