import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { CaseActor } from "@/lib/cases/engine";
import { now as clockNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open";
import { partnerApiKeys, partnerIdempotency } from "@/lib/db/schema";
import { AppError, validationError } from "@/lib/errors";
import { errorResponse, readText } from "@/lib/http/edge";
import { log } from "@/lib/log";
import { consume } from "@/lib/rate-limit";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { operation, type OperationId, type OperationOf } from "./contract";
import { parseKey } from "./key-format";
import { authenticate, type ApiKey } from "./keys";

/**
 * Every partner route: `edge({ origin: "any" }, partnerRoute("getCase", handler))`. In order: the
 * key (401), its rate (429 + Retry-After, the house's rolling limiter, per key), its scope (403),
 * the path (a reference that cannot exist is 404), the query and body by the operation's zod
 * schemas (400 not JSON, 422 per field), `Idempotency-Key` for writes, the handler, the answer
 * shaped by the operation's success schema — and one audit row per call with the key, the
 * operation and the status, whatever happened.
 */
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
type Op<I extends OperationId> = OperationOf<I>;

export type PartnerCall<I extends OperationId> = {
  key: ApiKey;
  db: Db;
  now: Date;
  ip: string;
  /** The key acting on cases as its body's staff (lib/cases/engine/core.ts `apiKeyId`). */
  actor: CaseActor;
  params: Infer<Op<I> extends { params: infer P } ? P : undefined>;
  query: Infer<Op<I> extends { query: infer Q } ? Q : undefined>;
  body: Infer<Op<I> extends { body: infer B } ? B : undefined>;
  /** What the audit row says the call was about (a case reference…). */
  subject: { ref?: string };
};

type Output<I extends OperationId> = z.input<Op<I>["success"]["schema"]>;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;
/** lastUsedAt is written at most this often per key: a busy key does not write its row on every call. */
const LAST_USED_EVERY_MS = 60_000;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function partnerRoute<I extends OperationId>(id: I, handler: (call: PartnerCall<I>) => Promise<Output<I>>) {
  const op = operation(id) as Op<I> & { params?: z.ZodObject; query?: z.ZodObject; body?: z.ZodObject; idempotent?: boolean };
  return async (req: Request, route?: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const { db } = await getDb();
    const ip = clientIp(req.headers);
    let key: ApiKey | null = null;
    const subject: { ref?: string } = {};
    let response: Response;
    try {
      key = await authenticate(db, req.headers.get("authorization"));
      if (!key) throw new AppError("unauthenticated");
      const limited = await consume({ db, key: `partner-api:${key.id}`, limit: key.perMinute, windowSeconds: 60 });
      if (!limited.ok) throw new AppError("rateLimited", { retryAfterSeconds: limited.retryAfterSeconds });
      if (!key.scopes.includes(op.scope)) throw new AppError("forbidden", { messageKey: "PartnerApi.errors.scope", values: { scope: op.scope } });

      const rawParams = route ? await route.params : {};
      const params = op.params ? op.params.safeParse(rawParams) : null;
      if (params && !params.success) throw new AppError("notFound");
      if (params?.data && typeof params.data.reference === "string") subject.ref = params.data.reference;

      const query = op.query ? op.query.safeParse(Object.fromEntries(new URL(req.url).searchParams)) : null;
      if (query && !query.success) throw validationError(query.error.issues);

      let raw = "";
      let body: z.ZodSafeParseResult<unknown> | null = null;
      if (op.body) {
        raw = await readText(req);
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          throw new AppError("badRequest");
        }
        body = op.body.safeParse(value);
        if (!body.success) throw validationError(body.error.issues);
      }

      const now = await clockNow();
      const call = {
        key,
        db,
        now,
        ip,
        actor: { userId: `api-key:${key.id}`, role: "official", bodyId: key.bodyId, apiKeyId: key.id },
        params: params?.data,
        query: query?.data,
        body: body?.data,
        subject,
      } as PartnerCall<I>;
      const run = async () => json(op.success.status, op.success.schema.parse(await handler(call)));
      const idem = req.headers.get("idempotency-key");
      if (op.idempotent && idem !== null) {
        if (!IDEMPOTENCY_KEY.test(idem)) throw new AppError("validation", { fields: { "Idempotency-Key": "PartnerApi.errors.idempotencyKey" } });
        response = await once({ db, key, idem, op: op.id, hash: hashOf(op.id, rawParams, raw), now, run });
      } else {
        response = await run();
      }
      await touch(db, key, now);
    } catch (error) {
      response = errorResponse(error);
      if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="idarti"');
    }
    // Calls without a known key are not in the audit table: anyone could fill it with them (the
    // HTTP edge's shedding and the proxy's limits bound them). They leave a log line instead, with
    // the key prefix they named (public, unlike the secret), so a body's broken key can be traced.
    if (!key) log.warn("partnerApi.unauthenticated", { operation: op.id, status: response.status, prefix: parseKey(req.headers.get("authorization"))?.prefix ?? null });
    else {
      await recordAudit(db, null, { action: `partnerApi.${op.id}`, subjectType: "apiKey", subjectId: key.id, detail: { bodyId: key.bodyId, status: response.status, ...subject } }, ip).catch(
        (e: unknown) => log.error("partnerApi.auditFailed", e, { operation: op.id, keyId: key?.id }),
      );
    }
    return response;
  };
}

function hashOf(op: string, params: unknown, raw: string): string {
  return createHash("sha256").update(JSON.stringify([op, params, raw]), "utf8").digest("hex");
}

/**
 * The first answer for an idempotency key. The row is claimed before the work: a second call
 * arriving while the first runs is 409 (retry later), a replay of a finished one gets its answer,
 * the key with another request is 409. A failed call gives its key back.
 */
async function once(opts: { db: Db; key: ApiKey; idem: string; op: string; hash: string; now: Date; run: () => Promise<Response> }): Promise<Response> {
  const { db } = opts;
  const claimed = await db
    .insert(partnerIdempotency)
    .values({ keyId: opts.key.id, idempotencyKey: opts.idem, operation: opts.op, requestHash: opts.hash, createdAt: opts.now })
    .onConflictDoNothing()
    .returning({ keyId: partnerIdempotency.keyId });
  if (claimed.length === 0) {
    const [row] = await db
      .select()
      .from(partnerIdempotency)
      .where(and(eq(partnerIdempotency.keyId, opts.key.id), eq(partnerIdempotency.idempotencyKey, opts.idem)));
    if (!row || row.requestHash !== opts.hash || row.status === null) throw new AppError("conflict", { messageKey: "PartnerApi.errors.idempotencyConflict" });
    return json(row.status, row.body, { "idempotent-replayed": "true" });
  }
  const where = and(eq(partnerIdempotency.keyId, opts.key.id), eq(partnerIdempotency.idempotencyKey, opts.idem));
  try {
    const response = await opts.run();
    await db.update(partnerIdempotency).set({ status: response.status, body: await response.clone().json() }).where(where);
    return response;
  } catch (error) {
    await db.delete(partnerIdempotency).where(where);
    throw error;
  }
}

async function touch(db: Db, key: ApiKey, now: Date): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_EVERY_MS) return;
  await db
    .update(partnerApiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(partnerApiKeys.id, key.id), or(isNull(partnerApiKeys.lastUsedAt), lt(partnerApiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_EVERY_MS)))));
}
