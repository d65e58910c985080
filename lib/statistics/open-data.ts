import "server-only";
import { and, count, eq, gte, isNotNull, lt, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { caseEvents, cases, guidanceSessions, interviewBookings, lessonProgress, payments, sectionVisits, serviceRatings } from "@/lib/db/schema";
import { dayOf } from "./aggregates";
import { periodBounds, type Period } from "./period";
import type { DatasetId, Row } from "./datasets";
import { publish, type Raw } from "./publish";

/**
 * The open-data datasets: the dashboard's aggregates by day, with nothing that names or singles
 * out a person (no citizen, no staff member, no reference, no free text) and every count of 1 to
 * 4 withheld (lib/statistics/suppress.ts). The rows are read in SQL, then suppressed here, once,
 * for both formats.
 */
export async function loadDataset(opts: { db: Db | Tx; id: DatasetId; period: Period }): Promise<Row[]> {
  const raw = await rawRows(opts);
  return raw.map((r) => publish(opts.id, r));
}

async function rawRows({ db, id, period }: { db: Db | Tx; id: DatasetId; period: Period }): Promise<Raw[]> {
  const { start, end } = periodBounds(period);
  switch (id) {
    case "cases": {
      // A case counts on the day it was sent (submitted) and on the day it was closed (closed).
      const result = await db.execute(sql`
        select date, body_id, kind, sum(submitted)::int as submitted, sum(closed)::int as closed from (
          select ${dayOf(cases.submittedAt)} as date, ${cases.bodyId} as body_id, ${cases.kind} as kind, 1 as submitted, 0 as closed
            from ${cases} where ${cases.submittedAt} >= ${start.toISOString()}::timestamptz and ${cases.submittedAt} < ${end.toISOString()}::timestamptz
          union all
          select ${dayOf(cases.closedAt)}, ${cases.bodyId}, ${cases.kind}, 0, 1
            from ${cases} where ${cases.closedAt} >= ${start.toISOString()}::timestamptz and ${cases.closedAt} < ${end.toISOString()}::timestamptz
        ) t group by date, body_id, kind order by date, body_id, kind`);
      const rows = (result as unknown as { rows: { date: string; body_id: string; kind: string; submitted: number; closed: number }[] }).rows;
      return rows.map((r) => ({ date: r.date, body_id: r.body_id, kind: r.kind, submitted: Number(r.submitted), closed: Number(r.closed) }));
    }
    case "bookings": {
      const rows = await db
        .select({ date: dayOf(interviewBookings.startsAt), body_id: interviewBookings.bodyId, bookings: count(), no_shows: sql<number>`count(*) filter (where ${interviewBookings.status} = 'noShow')::int` })
        .from(interviewBookings)
        .where(and(gte(interviewBookings.startsAt, start), lt(interviewBookings.startsAt, end), notInArray(interviewBookings.status, ["rescheduled", "pendingCode"])))
        .groupBy(sql`1`, interviewBookings.bodyId)
        .orderBy(sql`1`, interviewBookings.bodyId);
      return rows.map((r) => ({ ...r, bookings: Number(r.bookings), no_shows: Number(r.no_shows) }));
    }
    case "payments": {
      const rows = await db
        .select({ date: dayOf(payments.paidAt), payments: count(), amount_millimes: sql<number>`coalesce(sum(${payments.amountMillimes}), 0)::bigint` })
        .from(payments)
        .where(and(eq(payments.state, "paid"), gte(payments.paidAt, start), lt(payments.paidAt, end)))
        .groupBy(sql`1`)
        .orderBy(sql`1`);
      return rows.map((r) => ({ date: r.date, payments: Number(r.payments), amount_millimes: Number(r.amount_millimes) }));
    }
    case "ratings": {
      const result = await db.execute(sql`
        select date, subject, count(*)::int as ratings, count(*) filter (where stars >= 4)::int as satisfied from (
          select ${dayOf(caseEvents.at)} as date, 'case' as subject, (${caseEvents.data} ->> 'stars')::int as stars
            from ${caseEvents} where ${caseEvents.type} = 'rated' and ${caseEvents.at} >= ${start.toISOString()}::timestamptz and ${caseEvents.at} < ${end.toISOString()}::timestamptz
          union all
          select ${dayOf(serviceRatings.createdAt)}, ${serviceRatings.subject}, ${serviceRatings.stars}
            from ${serviceRatings} where ${serviceRatings.createdAt} >= ${start.toISOString()}::timestamptz and ${serviceRatings.createdAt} < ${end.toISOString()}::timestamptz
        ) t group by date, subject order by date, subject`);
      const rows = (result as unknown as { rows: { date: string; subject: string; ratings: number; satisfied: number }[] }).rows;
      return rows.map((r) => ({ date: r.date, subject: r.subject, ratings: Number(r.ratings), satisfied: Number(r.satisfied) }));
    }
    case "visits": {
      const rows = await db
        .select({ date: sql<string>`to_char(${sectionVisits.day}, 'YYYY-MM-DD')`, section: sectionVisits.section, visits: sectionVisits.visits })
        .from(sectionVisits)
        .where(and(gte(sectionVisits.day, period.from), sql`${sectionVisits.day} <= ${period.to}`))
        .orderBy(sectionVisits.day, sectionVisits.section);
      return rows.map((r) => ({ ...r, visits: Number(r.visits) }));
    }
    case "learning": {
      const [lessons, guidance] = await Promise.all([
        db.select({ date: dayOf(lessonProgress.updatedAt), n: count() }).from(lessonProgress).where(and(gte(lessonProgress.updatedAt, start), lt(lessonProgress.updatedAt, end))).groupBy(sql`1`),
        db
          .select({ date: dayOf(guidanceSessions.consentedAt), n: count() })
          .from(guidanceSessions)
          .where(and(isNotNull(guidanceSessions.consentedAt), gte(guidanceSessions.consentedAt, start), lt(guidanceSessions.consentedAt, end)))
          .groupBy(sql`1`),
      ]);
      const days = [...new Set([...lessons.map((l) => l.date), ...guidance.map((g) => g.date)])].sort();
      return days.map((date) => ({ date, lessons_completed: Number(lessons.find((l) => l.date === date)?.n ?? 0), guidance_sessions: Number(guidance.find((g) => g.date === date)?.n ?? 0) }));
    }
  }
}

