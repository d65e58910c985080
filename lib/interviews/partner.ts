import "server-only";
import { and, asc, eq, gt, gte, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { interviewBookings } from "@/lib/db/schema";

/**
 * A body's bookings for its own systems (the partner API, lib/partner-api): by start time from
 * `from`, after the cursor's (start, id). What the body needs to plan the interview — never the
 * citizen's number or the subject's files.
 */
export async function bodyBookings(opts: { bodyId: string; from: Date; after: { at: Date; id: string } | null; limit: number }) {
  const { db } = await getDb();
  const b = interviewBookings;
  const after = opts.after;
  return db
    .select({ id: b.id, reference: b.reference, topic: b.topic, status: b.status, startsAt: b.startsAt, endsAt: b.endsAt, needsInterpreter: b.needsInterpreter, caseReference: b.caseReference })
    .from(b)
    .where(and(eq(b.bodyId, opts.bodyId), gte(b.startsAt, opts.from), after ? or(gt(b.startsAt, after.at), and(eq(b.startsAt, after.at), gt(b.id, after.id))) : undefined))
    .orderBy(asc(b.startsAt), asc(b.id))
    .limit(opts.limit);
}
