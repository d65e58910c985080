import "server-only";
import { count } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import {
  caseEvents,
  cases,
  interviewBookings,
  interviewHolds,
  notificationDeliveries,
  notifications,
  paymentCheckouts,
  paymentItems,
  paymentLedger,
  payments,
  smsOutbox,
} from "@/lib/db/schema";

/**
 * The real tables practice must never write to (docs/adr/0022-practice-mode.md): queues (cases and
 * their events), the payments' ledger, agendas (bookings and holds), notifications and the SMS
 * outbox. Their row counts, for the isolation tests (unit, and the journeys through
 * /api/test/real-rows) to compare before and after a practice.
 */
export const REAL_TABLES = { cases, caseEvents, payments, paymentItems, paymentLedger, paymentCheckouts, interviewBookings, interviewHolds, notifications, notificationDeliveries, smsOutbox };

export async function realRowCounts(db: Db): Promise<Record<keyof typeof REAL_TABLES, number>> {
  const out = {} as Record<keyof typeof REAL_TABLES, number>;
  for (const [name, table] of Object.entries(REAL_TABLES) as [keyof typeof REAL_TABLES, (typeof REAL_TABLES)[keyof typeof REAL_TABLES]][]) {
    out[name] = Number((await db.select({ n: count() }).from(table))[0]!.n);
  }
  return out;
}

/** For the journeys' test endpoint: the app's database. */
export async function realRowCountsNow() {
  const { getDb } = await import("@/lib/db/client");
  return realRowCounts((await getDb()).db);
}
