import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/open";
import type { Locale } from "@/lib/i18n/routing";
import { parsePayload, requireKind, submitCase, type SubmittedCase } from "@/lib/cases/engine";
import { withIdempotency, type Idempotent } from "./idempotency";

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
}): Promise<Idempotent<SubmittedCase>> {
  // The validated payload is what counts: the same answers sent by the outbox or by a plain form
  // (spaces trimmed, extra fields dropped) are one request.
  const payload = parsePayload(requireKind(opts.kind), opts.payload);
  return withIdempotency({
    db: opts.db,
    userId: opts.actor.userId,
    key: opts.key,
    scope: `case:${opts.kind}`,
    request: payload,
    run: (tx) => submitCase({ db: tx, kind: opts.kind, payload, citizen: opts.actor, locale: opts.locale, now: opts.now, volunteerId: opts.volunteerId }),
  });
}
