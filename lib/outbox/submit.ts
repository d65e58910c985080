import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/open";
import type { Locale } from "@/lib/i18n/routing";
import { parsePayload, requireKind, submitCase, type SubmittedCase } from "@/lib/cases/engine";
import type { Tx } from "@/lib/db/open";
import { checkFilingLimits } from "@/lib/cases/filing-limits";
import { attachDraftUploads } from "@/lib/documents/uploads/save";
import { cases, requestDrafts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { consumeAll, minutesOf } from "@/lib/rate-limit";
import { and, eq } from "drizzle-orm";
import { withIdempotency, type Idempotent } from "./idempotency";
import { refuseVolunteer } from "@/lib/auth/volunteer-refusal";
import { guidedFiling } from "@/lib/auth/guided";

/**
 * One submission of a case, exactly once per idempotency key: used by the HTTP endpoint the
 * client outbox posts to and by the server actions of forms without JavaScript.
 */
export async function submitCaseOnce(opts: {
  db: Db;
  actor: Pick<Actor, "userId" | "role">;
  key: string;
  kind: string;
  payload: unknown;
  locale: Locale;
  now: Date;
  volunteerId?: string | null;
  /** The address it came from (rate limits per IP). */
  ip?: string | null;
  /** An agent filing for a walk-in citizen (rate limited per agent; recorded on the first event). */
  filedBy?: { agentId: string; houseId: string | null } | null;
  /** The kind's own form composed the payload on the server (required by a `formOnly` kind). */
  composed?: boolean;
}): Promise<Idempotent<SubmittedCase>> {
  // The validated payload is what counts: the same answers sent by the outbox or by a plain form
  // (spaces trimmed, extra fields dropped) are one request.
  // Whatever the edge, a volunteer's account never files (issue 18).
  refuseVolunteer(opts.actor.role);
  const kind = requireKind(opts.kind);
  if (kind.formOnly && !opts.composed) throw new AppError("validation", { messageKey: "Cases.errors.unknownKind" });
  const payload = parsePayload(kind, opts.payload);
  return withIdempotency({
    db: opts.db,
    userId: opts.actor.userId,
    key: opts.key,
    scope: `case:${opts.kind}`,
    request: payload,
    run: async (tx) => {
      // Inside the key's first run: a replay counts nothing; a refusal rolls its count back.
      await checkFilingLimits({ db: tx, citizenId: opts.actor.userId, ip: opts.ip, agentId: opts.filedBy?.agentId, now: opts.now });
      // Filed by the citizen during a guidance session they consented to: the case records the
      // volunteer and the house ("with the help of volunteer X at house Y"). Not at the counter.
      const guided = opts.volunteerId === undefined && !opts.filedBy && opts.actor.role === "citizen" ? await guidedFiling(tx, opts.actor.userId, opts.now) : null;
      const created = await submitCase({
        db: tx,
        kind: opts.kind,
        payload,
        citizen: opts.actor,
        locale: opts.locale,
        now: opts.now,
        volunteerId: opts.volunteerId ?? guided?.volunteerId,
        guidedAt: guided ? { houseId: guided.houseId, sessionId: guided.sessionId } : null,
        filedBy: opts.filedBy,
      });
      // The files attached to the form (uploaded under its key) become the case's, and its draft goes.
      await attachDraftUploads({ db: tx, ownerId: opts.actor.userId, draftKey: opts.key, caseId: created.id });
      // Entering the first state has its effects too (a scanned submission's signed receipt), once
      // the files are the case's, in the same transaction: no case without them.
      const enter = kind.onEnter?.[kind.machine.initial];
      if (enter) {
        const [row] = await tx.select().from(cases).where(eq(cases.id, created.id));
        await enter({ tx, case: row!, now: opts.now, message: null });
      }
      await tx.delete(requestDrafts).where(and(eq(requestDrafts.userId, opts.actor.userId), eq(requestDrafts.key, opts.key)));
      return created;
    },
  });
}

type Rule = { limit: number; windowSeconds: number };

/**
 * Counts one filing for the citizen and for the address; over either limit the citizen is told
 * how long to wait. Inside the submission's transaction: a submission that fails counts nothing.
 */
export async function limitFiling(db: Db | Tx, scope: string, rules: { perCitizen: Rule; perIp: Rule }, opts: { actor: Pick<Actor, "userId">; now: Date; ip?: string | null }): Promise<void> {
  const keys = [{ key: `${scope}:user:${opts.actor.userId}`, ...rules.perCitizen }, ...(opts.ip ? [{ key: `${scope}:ip:${opts.ip}`, ...rules.perIp }] : [])];
  for (const r of await consumeAll(keys, { db, now: opts.now })) {
    if (!r.ok) throw new AppError("rateLimited", { messageKey: "Requests.errors.tooMany", values: { minutes: minutesOf(r.retryAfterSeconds) }, retryAfterSeconds: r.retryAfterSeconds });
  }
}
