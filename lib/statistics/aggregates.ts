import "server-only";
import { and, count, eq, gte, isNotNull, lt, notInArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { caseEvents, cases, guidanceSessions, interviewBookings, lessonProgress, paymentItems, payments, sectionVisits, serviceRatings } from "@/lib/db/schema";
import { periodBounds, type Period } from "./period";
import type { Scope } from "./scope";

/**
 * The figures of the dashboard, each computed in one SQL aggregate from what the app stores:
 * the case engine's rows and timeline, the bookings, the payments, the ratings, the visit
 * counters, the lessons and the guidance sessions. Times are counted in Africa/Tunis days.
 * A figure a scope cannot have (a house has no payments of its own) is null, not zero.
 */
export type RatingFigures = { count: number; sum: number; satisfied: number };
export type Dashboard = {
  period: Period;
  cases: { total: number; byKind: { kind: string; total: number; open: number }[]; byStatus: { kind: string; status: string; count: number }[]; daily: { day: string; count: number }[] };
  firstReply: { count: number; medianHours: number | null };
  resolution: { count: number; medianHours: number | null };
  overdue: { withDeadline: number; overdue: number };
  satisfaction: { case: RatingFigures; interview: RatingFigures; payment: RatingFigures };
  bookings: { total: number; completed: number; noShows: number; cancelled: number } | null;
  payments: { count: number; amountMillimes: number } | null;
  visits: { total: number; bySection: { section: string; visits: number }[] } | null;
  lessonsCompleted: number | null;
  guidanceSessions: number | null;
};

export const TZ = "Africa/Tunis";
export const dayOf = (column: SQL | AnyColumn) => sql<string>`to_char(${column} at time zone ${sql.raw(`'${TZ}'`)}, 'YYYY-MM-DD')`;
const int = (e: SQL) => sql<number>`coalesce(${e}, 0)::int`;

export function caseScope(scope: Scope): SQL | undefined {
  if (scope.level === "body") return eq(cases.bodyId, scope.id);
  if (scope.level === "house") return eq(cases.houseId, scope.id);
  return undefined;
}

// Bookings replaced by a new slot or still waiting for the citizen's code are not bookings.
const NOT_BOOKINGS = ["rescheduled", "pendingCode"] as const;

export async function loadDashboard(opts: { db: Db | Tx; scope: Scope; period: Period; now: Date }): Promise<Dashboard> {
  const { db, scope, period } = opts;
  const { start, end } = periodBounds(period);
  const inPeriod = and(gte(cases.submittedAt, start), lt(cases.submittedAt, end), caseScope(scope));

  const byStatusQ = db.select({ kind: cases.kind, status: cases.status, count: count(), open: int(sql`count(*) filter (where ${cases.closedAt} is null)`) }).from(cases).where(inPeriod).groupBy(cases.kind, cases.status).orderBy(cases.kind, cases.status);
  const dailyQ = db.select({ day: dayOf(cases.submittedAt), count: count() }).from(cases).where(inPeriod).groupBy(sql`1`).orderBy(sql`1`);

  const firstReplies = db
    .select({ caseId: caseEvents.caseId, at: sql<Date>`min(${caseEvents.at})`.as("first_at") })
    .from(caseEvents)
    .where(eq(caseEvents.type, "reply"))
    .groupBy(caseEvents.caseId)
    .as("first_replies");
  const hours = (later: SQL | typeof cases.closedAt, earlier: typeof cases.submittedAt) => sql`extract(epoch from (${later} - ${earlier})) / 3600.0`;
  const firstReplyQ = db
    .select({ count: count(), median: sql<number | null>`percentile_cont(0.5) within group (order by ${hours(sql`${firstReplies.at}`, cases.submittedAt)})` })
    .from(cases)
    .innerJoin(firstReplies, eq(firstReplies.caseId, cases.id))
    .where(inPeriod);
  const resolutionQ = db
    .select({ count: count(), median: sql<number | null>`percentile_cont(0.5) within group (order by ${hours(cases.closedAt, cases.submittedAt)})` })
    .from(cases)
    .where(and(inPeriod, isNotNull(cases.closedAt)));
  const overdueQ = db
    .select({ withDeadline: count(), overdue: int(sql`count(*) filter (where coalesce(${cases.closedAt}, ${opts.now.toISOString()}::timestamptz) > ${cases.dueAt})`) })
    .from(cases)
    .where(and(inPeriod, isNotNull(cases.dueAt)));

  const rated = (stars: SQL) => ({ count: count(), sum: int(sql`sum(${stars})`), satisfied: int(sql`count(*) filter (where ${stars} >= 4)`) });
  const caseStars = sql`(${caseEvents.data} ->> 'stars')::int`;
  const caseRatingsQ = db
    .select(rated(caseStars))
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.type, "rated"), gte(caseEvents.at, start), lt(caseEvents.at, end), caseScope(scope)));
  const ratingScope = scope.level === "body" ? eq(serviceRatings.bodyId, scope.id) : scope.level === "house" ? eq(serviceRatings.houseId, scope.id) : undefined;
  const serviceRatingsQ = db
    .select({ subject: serviceRatings.subject, ...rated(sql`${serviceRatings.stars}`) })
    .from(serviceRatings)
    .where(and(gte(serviceRatings.createdAt, start), lt(serviceRatings.createdAt, end), ratingScope))
    .groupBy(serviceRatings.subject);

  const bookingsQ =
    scope.level === "house"
      ? null
      : db
          .select({
            total: count(),
            completed: int(sql`count(*) filter (where ${interviewBookings.status} = 'completed')`),
            noShows: int(sql`count(*) filter (where ${interviewBookings.status} = 'noShow')`),
            cancelled: int(sql`count(*) filter (where ${interviewBookings.status} = 'cancelled')`),
          })
          .from(interviewBookings)
          .where(and(gte(interviewBookings.startsAt, start), lt(interviewBookings.startsAt, end), notInArray(interviewBookings.status, [...NOT_BOOKINGS]), scope.level === "body" ? eq(interviewBookings.bodyId, scope.id) : undefined));

  const paidInPeriod = and(eq(payments.state, "paid"), gte(payments.paidAt, start), lt(payments.paidAt, end));
  const paymentsQ =
    scope.level === "house"
      ? null
      : scope.level === "body"
        ? // A payment may settle bills of several billers: the body's share is its items.
          db
            .select({ count: sql<number>`count(distinct ${payments.id})::int`, amountMillimes: int(sql`sum(${paymentItems.amountMillimes})`) })
            .from(paymentItems)
            .innerJoin(payments, eq(payments.id, paymentItems.paymentId))
            .where(and(paidInPeriod, eq(paymentItems.payee, scope.id)))
        : db.select({ count: count(), amountMillimes: int(sql`sum(${payments.amountMillimes})`) }).from(payments).where(paidInPeriod);

  const visitsQ =
    scope.level === "national"
      ? db
          .select({ section: sectionVisits.section, visits: int(sql`sum(${sectionVisits.visits})`) })
          .from(sectionVisits)
          .where(and(gte(sectionVisits.day, period.from), sql`${sectionVisits.day} <= ${period.to}`))
          .groupBy(sectionVisits.section)
          .orderBy(sectionVisits.section)
      : null;
  const lessonsQ = scope.level === "national" ? db.select({ n: count() }).from(lessonProgress).where(and(gte(lessonProgress.updatedAt, start), lt(lessonProgress.updatedAt, end))) : null;
  const guidanceQ =
    scope.level === "body"
      ? null
      : db
          .select({ n: count() })
          .from(guidanceSessions)
          .where(and(isNotNull(guidanceSessions.consentedAt), gte(guidanceSessions.consentedAt, start), lt(guidanceSessions.consentedAt, end), scope.level === "house" ? eq(guidanceSessions.houseId, scope.id) : undefined));

  const [byStatus, daily, [firstReply], [resolution], [overdue], [caseRatings], serviceRows, bookings, paid, visits, lessons, guidance] = await Promise.all([
    byStatusQ,
    dailyQ,
    firstReplyQ,
    resolutionQ,
    overdueQ,
    caseRatingsQ,
    serviceRatingsQ,
    bookingsQ,
    paymentsQ,
    visitsQ,
    lessonsQ,
    guidanceQ,
  ]);

  const byKind = new Map<string, { kind: string; total: number; open: number }>();
  for (const r of byStatus) {
    const k = byKind.get(r.kind) ?? { kind: r.kind, total: 0, open: 0 };
    k.total += Number(r.count);
    k.open += Number(r.open);
    byKind.set(r.kind, k);
  }
  const none: RatingFigures = { count: 0, sum: 0, satisfied: 0 };
  const ratingOf = (subject: string): RatingFigures => {
    const r = serviceRows.find((x) => x.subject === subject);
    return r ? { count: Number(r.count), sum: Number(r.sum), satisfied: Number(r.satisfied) } : none;
  };
  const median = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    period,
    cases: {
      total: [...byKind.values()].reduce((a, k) => a + k.total, 0),
      byKind: [...byKind.values()],
      byStatus: byStatus.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count) })),
      daily: daily.map((d) => ({ day: d.day, count: Number(d.count) })),
    },
    firstReply: { count: Number(firstReply?.count ?? 0), medianHours: median(firstReply?.median) },
    resolution: { count: Number(resolution?.count ?? 0), medianHours: median(resolution?.median) },
    overdue: { withDeadline: Number(overdue?.withDeadline ?? 0), overdue: Number(overdue?.overdue ?? 0) },
    satisfaction: {
      case: caseRatings ? { count: Number(caseRatings.count), sum: Number(caseRatings.sum), satisfied: Number(caseRatings.satisfied) } : none,
      interview: ratingOf("interview"),
      payment: ratingOf("payment"),
    },
    bookings: bookings ? { total: Number(bookings[0]?.total ?? 0), completed: Number(bookings[0]?.completed ?? 0), noShows: Number(bookings[0]?.noShows ?? 0), cancelled: Number(bookings[0]?.cancelled ?? 0) } : null,
    payments: paid ? { count: Number(paid[0]?.count ?? 0), amountMillimes: Number(paid[0]?.amountMillimes ?? 0) } : null,
    visits: visits ? { total: visits.reduce((a, v) => a + Number(v.visits), 0), bySection: visits.map((v) => ({ section: v.section, visits: Number(v.visits) })) } : null,
    lessonsCompleted: lessons ? Number(lessons[0]?.n ?? 0) : null,
    guidanceSessions: guidance ? Number(guidance[0]?.n ?? 0) : null,
  };
}
