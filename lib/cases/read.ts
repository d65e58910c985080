import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents, cases, users } from "@/lib/db/schema";
import { canCorrespond, canView, isCaseStaff, workingBodyOf } from "./access";
import { deadlineStatus, type DeadlineStatus } from "./deadline";
import type { CaseActor, CaseEventRow, CaseRow } from "./engine";
import type { AnyKind } from "./kind";
import { getKind } from "./kinds";
import { stateOf, type StateDefinition } from "./machine";
import { parseReference } from "./reference";

/**
 * What pages read. Every function takes the viewer and answers only what they may see: a case of
 * someone else is `null` (the page answers 404), internal events reach staff only.
 */
export type CaseView = {
  row: CaseRow;
  kind: AnyKind;
  state: StateDefinition;
  /** The viewer works on this case: staff of its body, an admin, or an agent of the house it was filed at. */
  asStaff: boolean;
  /** The viewer takes the body's decisions on it (status, redirection, deadline, assignment): not a house agent of another body. */
  mayDecide: boolean;
  title: string;
  deadline: DeadlineStatus;
};

const unknownState: StateDefinition = { label: "Cases.status.unknown", tone: "grey", clock: "stopped" };

export function deadlineStatusOf(row: Pick<CaseRow, "dueAt" | "clock" | "kind">, now: Date): DeadlineStatus {
  const kind = getKind(row.kind);
  if (!kind || !row.dueAt) return "none";
  const halted = row.clock === "running" ? null : { since: row.dueAt, why: row.clock === "paused" ? ("paused" as const) : ("stopped" as const) };
  return deadlineStatus({ dueAt: row.dueAt, unit: null, halted }, kind.deadline.dueSoon, now);
}

function view(row: CaseRow, viewer: CaseActor, now: Date): CaseView | null {
  const kind = getKind(row.kind);
  if (!kind) return null;
  return {
    row,
    kind,
    state: stateOf(kind.machine, row.status) ?? unknownState,
    asStaff: canCorrespond(viewer, row),
    mayDecide: isCaseStaff(viewer, row),
    title: safeTitle(kind, row.payload),
    deadline: deadlineStatusOf(row, now),
  };
}

function safeTitle(kind: AnyKind, payload: unknown): string {
  try {
    return kind.title(payload);
  } catch {
    return "";
  }
}

/** A case by the reference a person typed or followed (any case, O/0 and I/L forgiven), if they may see it. */
export async function getCaseForViewer(opts: { db: Db | Tx; reference: string; viewer: CaseActor; now: Date }): Promise<CaseView | null> {
  const reference = parseReference(opts.reference);
  if (!reference) return null;
  const [row] = await opts.db.select().from(cases).where(eq(cases.reference, reference));
  if (!row || !canView(opts.viewer, row)) return null;
  return view(row, opts.viewer, opts.now);
}

export type TimelineEvent = CaseEventRow & { actorName: string | null };

/** The timeline, newest first. Citizens get public events only; names of staff are never given to them. */
export async function listCaseEvents(opts: { db: Db | Tx; caseView: CaseView }): Promise<TimelineEvent[]> {
  const where = opts.caseView.asStaff
    ? eq(caseEvents.caseId, opts.caseView.row.id)
    : and(eq(caseEvents.caseId, opts.caseView.row.id), eq(caseEvents.visibility, "public"));
  const rows = await opts.db
    .select({ event: caseEvents, actorName: users.name })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(where)
    .orderBy(desc(caseEvents.seq));
  return rows.map((r) => ({ ...r.event, actorName: opts.caseView.asStaff || r.event.actorId === opts.caseView.row.citizenId ? r.actorName : null }));
}

export type StaffViewSummary = { bodyId: string | null; role: string | null; at: Date };

/** The latest staff view per body and role: "seen by an agent of STEG on …". */
export async function lastStaffViews(opts: { db: Db | Tx; caseId: string }): Promise<StaffViewSummary[]> {
  const rows = await opts.db
    .select({ bodyId: caseEvents.actorBodyId, role: caseEvents.actorRole, at: sql<Date>`max(${caseEvents.at})`.mapWith((v: string | Date) => new Date(v)) })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, opts.caseId), eq(caseEvents.type, "viewed")))
    .groupBy(caseEvents.actorBodyId, caseEvents.actorRole)
    .orderBy(desc(sql`max(${caseEvents.at})`));
  return rows;
}

export type CaseListItem = {
  id: string;
  reference: string;
  kind: AnyKind;
  kindId: string;
  bodyId: string;
  /** The service house it was filed at, if any. */
  houseId: string | null;
  title: string;
  status: string;
  state: StateDefinition;
  submittedAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  deadline: DeadlineStatus;
  closed: boolean;
  assigneeId: string | null;
};

function listItem(row: CaseRow, now: Date): CaseListItem | null {
  const kind = getKind(row.kind);
  if (!kind) return null;
  return {
    id: row.id,
    reference: row.reference,
    kind,
    kindId: row.kind,
    bodyId: row.bodyId,
    houseId: row.houseId,
    title: safeTitle(kind, row.payload),
    status: row.status,
    state: stateOf(kind.machine, row.status) ?? unknownState,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    dueAt: row.dueAt,
    deadline: deadlineStatusOf(row, now),
    closed: row.closedAt !== null,
    assigneeId: row.assigneeId,
  };
}

/** A citizen's cases, newest first. */
export async function listCitizenCases(opts: { db: Db | Tx; citizenId: string; now: Date; limit?: number }): Promise<CaseListItem[]> {
  const rows = await opts.db
    .select()
    .from(cases)
    .where(eq(cases.citizenId, opts.citizenId))
    .orderBy(desc(cases.submittedAt))
    .limit(opts.limit ?? 200);
  return rows.map((r) => listItem(r, opts.now)).filter((x): x is CaseListItem => x !== null);
}

export type QueueFilter = "open" | "closed" | "all" | (string & {});

/**
 * A body's queue: open cases by default, overdue first, then by deadline (soonest first), then
 * oldest first. Officials see their own body; admins any body (or all); agents their body and
 * the cases filed at their service house (whatever body they went to), or with `house` only those.
 */
export async function listQueue(opts: {
  db: Db | Tx;
  viewer: CaseActor;
  now: Date;
  status?: QueueFilter;
  /** Admins only: a body to look at; others always get their own body. */
  bodyId?: string | null;
  /** Only cases of this kind. */
  kind?: string | null;
  /** overdue: the deadline has passed (clock running); soon: due within 3 days. */
  due?: "overdue" | "soon" | null;
  /** Only the cases the viewer took ("assign to me"). */
  mine?: boolean;
  /** Agents of a service house: only the cases filed at their house. */
  house?: boolean;
  page?: number;
  pageSize?: number;
}): Promise<{ items: CaseListItem[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 100);
  const page = Math.max(opts.page ?? 1, 1);
  const conditions: SQL[] = [];
  // The same body as the case pages' authorisation (lib/cases/access.ts): one municipality each.
  const body = workingBodyOf(opts.viewer);
  if (opts.viewer.role === "admin") {
    if (opts.bodyId) conditions.push(eq(cases.bodyId, opts.bodyId));
  } else if (opts.viewer.role === "agent" && opts.viewer.houseId) {
    const ofHouse = eq(cases.houseId, opts.viewer.houseId);
    conditions.push(opts.house || !body ? ofHouse : or(eq(cases.bodyId, body), ofHouse)!);
  } else if (body) {
    conditions.push(eq(cases.bodyId, body));
  } else {
    return { items: [], total: 0, page, pageSize };
  }
  const status = opts.status ?? "open";
  if (status === "open") conditions.push(isNull(cases.closedAt));
  else if (status === "closed") conditions.push(isNotNull(cases.closedAt));
  else if (status !== "all") conditions.push(eq(cases.status, status));
  if (opts.kind) conditions.push(eq(cases.kind, opts.kind));
  if (opts.mine) conditions.push(eq(cases.assigneeId, opts.viewer.userId));
  const nowIso = opts.now.toISOString();
  if (opts.due === "overdue") conditions.push(sql`${cases.clock} = 'running' and ${cases.closedAt} is null and ${cases.dueAt} < ${nowIso}::timestamptz`);
  if (opts.due === "soon") {
    const soon = new Date(opts.now.getTime() + 3 * 86_400_000).toISOString();
    conditions.push(sql`${cases.clock} = 'running' and ${cases.closedAt} is null and ${cases.dueAt} >= ${nowIso}::timestamptz and ${cases.dueAt} <= ${soon}::timestamptz`);
  }
  const where = and(...conditions);
  const overdue = sql`case when ${cases.clock} = 'running' and ${cases.dueAt} < ${opts.now.toISOString()}::timestamptz then 0 else 1 end`;
  const [rows, [totalRow]] = await Promise.all([
    opts.db
      .select()
      .from(cases)
      .where(where)
      .orderBy(overdue, sql`${cases.dueAt} asc nulls last`, asc(cases.submittedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    opts.db.select({ n: count() }).from(cases).where(where),
  ]);
  return {
    items: rows.map((r) => listItem(r, opts.now)).filter((x): x is CaseListItem => x !== null),
    total: Number(totalRow?.n ?? 0),
    page,
    pageSize,
  };
}

