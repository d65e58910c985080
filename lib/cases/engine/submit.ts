import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/open";
import { caseEvents, cases } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { notify } from "@/lib/notifications/enqueue";
import { computeDeadline, localDateOf, opsForStateChange } from "../deadline";
import { stateOf } from "../machine";
import { generateReference } from "../reference";
import { caseData, casePath, clockOf, type CaseRow } from "./core";
import { parsePayload, requireKind } from "./payload";
import { placeCase } from "./place";

export type SubmittedCase = {
  id: string;
  reference: string;
  kind: string;
  bodyId: string;
  status: string;
  submittedAt: string;
  dueAt: string | null;
};

export type SubmitCaseOptions = {
  db: Db | Tx;
  kind: string;
  payload: unknown;
  citizen: Pick<Actor, "userId" | "role">;
  locale: Locale;
  /** The volunteer who guided the citizen in an assisted session (the citizen still confirms). */
  volunteerId?: string | null;
  /** The guidance session it was filed in (lib/assisted/guidance.ts): its house and id. */
  guidedAt?: { houseId: string | null; sessionId: string } | null;
  /** An agent who filed it for a walk-in citizen at a service house (the case is still the citizen's). */
  filedBy?: { agentId: string; houseId: string | null } | null;
  now: Date;
};

/** Creates a case: validated payload, routed body, reference, first event, receipt notification. */
export async function submitCase(opts: SubmitCaseOptions): Promise<SubmittedCase> {
  if (opts.citizen.role !== "citizen") throw new AppError("forbidden", { messageKey: "Cases.errors.citizensOnly" });
  const kind = requireKind(opts.kind);
  const payload = parsePayload(kind, opts.payload);
  const route = kind.route(payload);
  // The counter it was filed at wins over a house the payload names: that is where the citizen comes back.
  const houseId = opts.filedBy?.houseId ?? route.houseId ?? opts.guidedAt?.houseId ?? null;
  const bodyId = placeCase(kind, payload, route.bodyId, houseId);
  const initial = kind.machine.initial;
  const initialClock = stateOf(kind.machine, initial)!.clock;
  const deadline = computeDeadline({
    submittedAt: opts.now,
    initial: kind.deadline.initial(payload),
    ops: opsForStateChange(opts.now, "running", initialClock),
  });

  return opts.db.transaction(async (tx) => {
    let row: CaseRow | undefined;
    for (let attempt = 0; attempt < 8 && !row; attempt++) {
      const reference = generateReference({ year: localDateOf(opts.now).y });
      [row] = await tx
        .insert(cases)
        .values({
          reference,
          kind: kind.id,
          bodyId,
          houseId,
          status: initial,
          citizenId: opts.citizen.userId,
          volunteerId: opts.volunteerId ?? null,
          payload,
          locale: opts.locale,
          submittedAt: opts.now,
          dueAt: deadline.dueAt,
          clock: clockOf(deadline),
          updatedAt: opts.now,
          version: 1,
        })
        .onConflictDoNothing({ target: cases.reference })
        .returning();
    }
    if (!row) throw new AppError("unavailable");
    await tx.insert(caseEvents).values({
      caseId: row.id,
      seq: 1,
      at: opts.now,
      type: "submitted",
      visibility: "public",
      actorId: opts.citizen.userId,
      actorRole: opts.citizen.role,
      toStatus: initial,
      data: opts.volunteerId || opts.filedBy
        ? {
            ...(opts.volunteerId ? { assistedBy: opts.volunteerId } : {}),
            ...(opts.guidedAt ? { guidedAt: opts.guidedAt.houseId, guidanceSession: opts.guidedAt.sessionId } : {}),
            ...(opts.filedBy ? { filedBy: opts.filedBy.agentId, houseId: opts.filedBy.houseId } : {}) }
        : null,
    });
    await notify({ tx, userId: row.citizenId, type: "caseReceived", data: caseData(kind, row), link: casePath(row.reference), caseId: row.id, now: opts.now });
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      bodyId: row.bodyId,
      status: row.status,
      submittedAt: row.submittedAt.toISOString(),
      dueAt: row.dueAt?.toISOString() ?? null,
    };
  });
}
