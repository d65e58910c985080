import "server-only";
import { and, asc, desc, eq, lt, or } from "drizzle-orm";
import { addCaseMessage, historyOf, transitionCase, transitionsFor, type CaseRow } from "@/lib/cases/engine";
import { caseEvents, cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import type { CaseSummary } from "./contract";
import { decodeCursor, encodeCursor } from "./key-format";
import type { PartnerCall } from "./server";
import type { z } from "zod";

/**
 * The case operations of the partner API. Reads filter on the key's body; writes go through the
 * case engine's own verbs (transitions, messages) with the key acting as the body's staff, so
 * the kind's machine, the deadline, the citizen's notification and the audit are the same as on
 * the staff pages — and another body's case is "not found" there too.
 */
function summary(c: CaseRow): z.input<typeof CaseSummary> {
  return {
    reference: c.reference,
    kind: c.kind,
    status: c.status,
    houseId: c.houseId,
    submittedAt: c.submittedAt.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

function notFound(): AppError {
  return new AppError("notFound", { messageKey: "Cases.errors.notFound" });
}

export async function listCases(call: PartnerCall<"listCases">) {
  const { status, cursor, limit } = call.query;
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw new AppError("validation", { fields: { cursor: "PartnerApi.errors.cursor" } });
  const rows = await call.db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.bodyId, call.key.bodyId),
        status ? eq(cases.status, status) : undefined,
        after ? or(lt(cases.submittedAt, after.at), and(eq(cases.submittedAt, after.at), lt(cases.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(cases.submittedAt), desc(cases.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(summary), nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null };
}

export async function getCase(call: PartnerCall<"getCase">) {
  const [c] = await call.db
    .select()
    .from(cases)
    .where(and(eq(cases.reference, call.params.reference), eq(cases.bodyId, call.key.bodyId)));
  if (!c) throw notFound();
  const events = await call.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.seq));
  const history = await historyOf(call.db, c.id);
  return {
    ...summary(c),
    locale: c.locale,
    payload: c.payload,
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      type: e.type,
      visibility: e.visibility === "internal" ? ("internal" as const) : ("public" as const),
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.message,
    })),
    transitions: transitionsFor(c, call.actor, { case: c, history, now: call.now }).map((t) => t.to),
  };
}

export async function replyToCase(call: PartnerCall<"replyToCase">) {
  const updated = await addCaseMessage({ db: call.db, case: { reference: call.params.reference }, actor: call.actor, type: "reply", message: call.body.message, now: call.now, ip: call.ip });
  nudgeDispatcher();
  return summary(updated);
}

export async function changeCaseStatus(call: PartnerCall<"changeCaseStatus">) {
  const updated = await transitionCase({
    db: call.db,
    case: { reference: call.params.reference },
    to: call.body.to,
    actor: call.actor,
    message: call.body.message ?? null,
    data: call.body.data ?? null,
    now: call.now,
    ip: call.ip,
  });
  nudgeDispatcher();
  return summary(updated);
}
