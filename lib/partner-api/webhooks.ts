import "server-only";
import { randomBytes } from "node:crypto";
import { request as httpsRequest, Agent, type AgentOptions } from "node:https";
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/open";
import { caseEvents, cases, partnerWebhookAttempts, partnerWebhookDeliveries, partnerWebhooks } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { backoffMs } from "@/lib/notifications/dispatch";
import { checkPushEndpoint, guardedLookup, type PushEndpointPolicy } from "@/lib/notifications/push/endpoint-policy";
import { log } from "@/lib/log";
import { openStored, resealed, seal, UnsealError, type SealingKeys } from "@/lib/security/sealed";
import { sealingKeys } from "@/lib/security/sealing-keys";
import { signTimestamped } from "@/lib/security/timestamped-hmac";
import { WebhookEvent } from "./contract";
import type { z } from "zod";

/**
 * Webhooks to the partner bodies: when a case is routed to a body (filed to it, redirected to it,
 * placed in its town's municipality — the case engine's own events), each endpoint the body
 * registered gets one signed POST of `WebhookEvent`, retried with the notification dispatcher's
 * backoff (30 s, 1 min, 2 min … 8 attempts) by the background job (instrumentation.ts). The case
 * events are the outbox: the job finds the ones no delivery covers yet, so nothing is missed if
 * the app stops between the commit and the send, and the unique (endpoint, event) keeps it single.
 *
 * Outbound addresses follow web push's rule (lib/notifications/push/endpoint-policy.ts): HTTPS on
 * the default port, never an IP literal, never a name resolving to a private, loopback or
 * link-local address — checked before connecting and again by the connection's own lookup.
 *
 * The signing secrets are sealed at rest (lib/security/sealed.ts, ADR 0027): the database holds
 * only AES-256-GCM ciphertext bound to the endpoint's id; the admin sees the secret once.
 */
export const WEBHOOK_MAX_ATTEMPTS = 8;
const CLAIM_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;
/** Case events older than this when the job first sees them are not sent (an endpoint registered today does not get last year's cases). */
const LOOKBACK_MS = 24 * 3_600_000;

export type WebhookSend = (target: { url: string; secret: string; body: string; timestamp: number }) => Promise<{ status: number | null; error: string | null }>;

// ── Registration ──────────────────────────────────────────────────────────────────────────

/** The address rule that needs no lookup, checked when an admin registers an endpoint. */
export function endpointShapeProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "PartnerApi.errors.webhookUrl";
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port !== "" || url.hash) return "PartnerApi.errors.webhookUrl";
  if (/^[\d.]+$|^\[.*\]$/.test(url.hostname) || !url.hostname.includes(".")) return "PartnerApi.errors.webhookUrl";
  return null;
}

/** What the sealed secret is bound to: a sealed value copied into another endpoint's row does not open there. */
function secretContext(webhookId: string): string {
  return `partner_webhooks.secret|${webhookId}`;
}

/** The endpoint's signing secret in clear, for signing (a row from before sealing still holds it as is). */
export function webhookSecret(hook: { id: string; secret: string }, keys: SealingKeys = sealingKeys()): string {
  return openStored(keys, hook.secret, secretContext(hook.id));
}

/**
 * The one-off step at start (lib/partner-api/jobs.ts): seals the secrets stored in clear before
 * ADR 0027, and reseals with the current key what a retired key sealed. Each row is written only
 * if it still holds what was read, so instances starting together do not undo each other.
 */
export async function sealWebhookSecrets(db: Db, keys: SealingKeys = sealingKeys()): Promise<{ sealed: number; unreadable: number }> {
  const rows = await db.select({ id: partnerWebhooks.id, secret: partnerWebhooks.secret }).from(partnerWebhooks);
  const result = { sealed: 0, unreadable: 0 };
  for (const row of rows) {
    let next: string | null;
    try {
      next = resealed(keys, row.secret, secretContext(row.id));
    } catch (e) {
      if (!(e instanceof UnsealError)) throw e;
      result.unreadable += 1;
      log.error("partnerApi.webhookSecretUnreadable", { webhookId: row.id, problem: e.problem });
      continue;
    }
    if (next === null) continue;
    const done = await db.update(partnerWebhooks).set({ secret: next }).where(and(eq(partnerWebhooks.id, row.id), eq(partnerWebhooks.secret, row.secret))).returning({ id: partnerWebhooks.id });
    result.sealed += done.length;
  }
  return result;
}

export async function registerWebhook(opts: { db: Db; actor: Pick<Actor, "userId" | "role">; bodyId: string; url: string; now: Date; ip?: string | null; keys?: SealingKeys }) {
  if (opts.actor.role !== "admin") throw new AppError("forbidden");
  const problem = endpointShapeProblem(opts.url);
  if (problem) throw new AppError("validation", { fields: { url: problem } });
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  // The id is chosen here: the sealed secret is bound to it.
  const id = crypto.randomUUID();
  const sealed = seal(opts.keys ?? sealingKeys(), secret, secretContext(id));
  return opts.db.transaction(async (tx) => {
    const [hook] = await tx.insert(partnerWebhooks).values({ id, bodyId: opts.bodyId, url: opts.url, secret: sealed, createdBy: opts.actor.userId, createdAt: opts.now }).returning();
    await recordAudit(tx, opts.actor, { action: "partnerApi.webhookRegistered", subjectType: "webhook", subjectId: hook!.id, detail: { bodyId: opts.bodyId, url: opts.url } }, opts.ip);
    return { id: hook!.id, url: hook!.url, secret };
  });
}

export async function disableWebhook(opts: { db: Db; actor: Pick<Actor, "userId" | "role">; id: string; now: Date; ip?: string | null }) {
  if (opts.actor.role !== "admin") throw new AppError("forbidden");
  await opts.db.transaction(async (tx) => {
    const [hook] = await tx
      .update(partnerWebhooks)
      .set({ disabledAt: opts.now, disabledBy: opts.actor.userId })
      .where(and(eq(partnerWebhooks.id, opts.id), isNull(partnerWebhooks.disabledAt)))
      .returning();
    if (hook) await recordAudit(tx, opts.actor, { action: "partnerApi.webhookDisabled", subjectType: "webhook", subjectId: hook.id, detail: { bodyId: hook.bodyId, url: hook.url } }, opts.ip);
  });
}

export async function listWebhooks(db: Db) {
  return db
    .select({ id: partnerWebhooks.id, bodyId: partnerWebhooks.bodyId, url: partnerWebhooks.url, createdAt: partnerWebhooks.createdAt, disabledAt: partnerWebhooks.disabledAt })
    .from(partnerWebhooks)
    .orderBy(asc(partnerWebhooks.disabledAt), desc(partnerWebhooks.createdAt));
}

/** The delivery log: the latest deliveries with their attempts. */
export async function deliveryLog(db: Db, limit = 50) {
  const rows = await db
    .select({
      id: partnerWebhookDeliveries.id,
      bodyId: partnerWebhooks.bodyId,
      url: partnerWebhooks.url,
      event: partnerWebhookDeliveries.event,
      caseReference: partnerWebhookDeliveries.caseReference,
      status: partnerWebhookDeliveries.status,
      attempts: partnerWebhookDeliveries.attempts,
      lastStatus: partnerWebhookDeliveries.lastStatus,
      lastError: partnerWebhookDeliveries.lastError,
      nextAttemptAt: partnerWebhookDeliveries.nextAttemptAt,
      deliveredAt: partnerWebhookDeliveries.deliveredAt,
      createdAt: partnerWebhookDeliveries.createdAt,
    })
    .from(partnerWebhookDeliveries)
    .innerJoin(partnerWebhooks, eq(partnerWebhooks.id, partnerWebhookDeliveries.webhookId))
    .orderBy(desc(partnerWebhookDeliveries.createdAt))
    .limit(limit);
  const attempts = rows.length
    ? await db.select().from(partnerWebhookAttempts).where(inArray(partnerWebhookAttempts.deliveryId, rows.map((r) => r.id))).orderBy(asc(partnerWebhookAttempts.at))
    : [];
  return rows.map((r) => ({ ...r, tries: attempts.filter((a) => a.deliveryId === r.id) }));
}

// ── Finding what to send ──────────────────────────────────────────────────────────────────

type Via = "submitted" | "redirected" | "placed";

/**
 * New deliveries for case events that routed a case to a body with an active endpoint. A
 * submission went to the body the case had before any redirection or placement (their
 * `fromBodyId`), or to the case's body when it never moved.
 */
export async function enqueueRouted(opts: { db: Db; now: Date }): Promise<number> {
  const { db, now } = opts;
  const hooks = await db.select().from(partnerWebhooks).where(isNull(partnerWebhooks.disabledAt));
  if (hooks.length === 0) return 0;
  const since = new Date(Math.max(now.getTime() - LOOKBACK_MS, Math.min(...hooks.map((h) => h.createdAt.getTime()))));
  const events = await db
    .select({ id: caseEvents.id, caseId: caseEvents.caseId, type: caseEvents.type, at: caseEvents.at, data: caseEvents.data, seq: caseEvents.seq, reference: cases.reference, kind: cases.kind, status: cases.status, bodyId: cases.bodyId })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(inArray(caseEvents.type, ["submitted", "redirected", "placed"]), gte(caseEvents.at, since), lte(caseEvents.at, now)));
  if (events.length === 0) return 0;
  // Where a submission first went: the first move's origin, when the case moved.
  const moves = await db
    .select({ caseId: caseEvents.caseId, seq: caseEvents.seq, data: caseEvents.data })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, [...new Set(events.map((e) => e.caseId))]), inArray(caseEvents.type, ["redirected", "placed"])))
    .orderBy(asc(caseEvents.seq));
  const firstFrom = new Map<string, string>();
  for (const m of moves) if (!firstFrom.has(m.caseId) && typeof m.data?.fromBodyId === "string") firstFrom.set(m.caseId, m.data.fromBodyId);

  const rows: (typeof partnerWebhookDeliveries.$inferInsert)[] = [];
  for (const e of events) {
    const via = e.type as Via;
    const bodyId = via === "submitted" ? (firstFrom.get(e.caseId) ?? e.bodyId) : String(e.data?.toBodyId ?? "");
    for (const hook of hooks) {
      if (hook.bodyId !== bodyId || e.at < hook.createdAt) continue;
      const id = crypto.randomUUID();
      const payload: z.input<typeof WebhookEvent> = {
        id,
        type: "case.routed",
        createdAt: now.toISOString(),
        data: { reference: e.reference, kind: e.kind, status: e.status, bodyId, via, at: e.at.toISOString() },
      };
      rows.push({ id, webhookId: hook.id, caseEventId: e.id, caseReference: e.reference, event: "case.routed", payload: WebhookEvent.parse(payload), nextAttemptAt: now, createdAt: now });
    }
  }
  if (rows.length === 0) return 0;
  const inserted = await db.insert(partnerWebhookDeliveries).values(rows).onConflictDoNothing().returning({ id: partnerWebhookDeliveries.id });
  return inserted.length;
}

// ── Sending ───────────────────────────────────────────────────────────────────────────────

export type DeliveryReport = { claimed: number; delivered: number; retried: number; failed: number };

/** Claims the due deliveries (SKIP LOCKED: several instances never send one twice at once) and sends each once. */
/** One send; a secret that cannot be opened (its key was removed too early, or the row altered) is a failed attempt, never an unsigned POST. */
async function sendSigned(hook: { id: string; url: string; secret: string }, body: string, opts: { send: WebhookSend; keys?: SealingKeys }) {
  let secret: string;
  try {
    secret = webhookSecret(hook, opts.keys);
  } catch (e) {
    if (!(e instanceof UnsealError)) throw e;
    log.error("partnerApi.webhookSecretUnreadable", { webhookId: hook.id, problem: e.problem });
    return { status: null, error: `secret unreadable: ${e.problem}` };
  }
  return opts.send({ url: hook.url, secret, body, timestamp: Math.floor(Date.now() / 1000) });
}

export async function deliverDue(opts: { db: Db; now: Date; send: WebhookSend; batch?: number; keys?: SealingKeys }): Promise<DeliveryReport> {
  const { db, now } = opts;
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: partnerWebhookDeliveries.id })
      .from(partnerWebhookDeliveries)
      .where(
        and(
          eq(partnerWebhookDeliveries.status, "pending"),
          lte(partnerWebhookDeliveries.nextAttemptAt, now),
          or(isNull(partnerWebhookDeliveries.claimedUntil), lt(partnerWebhookDeliveries.claimedUntil, now)),
        ),
      )
      .orderBy(asc(partnerWebhookDeliveries.nextAttemptAt))
      .limit(opts.batch ?? 20)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(partnerWebhookDeliveries)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${partnerWebhookDeliveries.attempts} + 1` })
      .where(inArray(partnerWebhookDeliveries.id, due.map((d) => d.id)))
      .returning();
  });
  const report: DeliveryReport = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return report;
  const hooks = await db.select().from(partnerWebhooks).where(inArray(partnerWebhooks.id, [...new Set(claimed.map((c) => c.webhookId))]));
  for (const d of claimed) {
    const hook = hooks.find((h) => h.id === d.webhookId)!;
    const started = Date.now();
    // The signature's timestamp is the machine's (freshness on the wire), not the business clock.
    const body = JSON.stringify(d.payload);
    const outcome = hook.disabledAt ? { status: null, error: "endpoint disabled" } : await sendSigned(hook, body, opts);
    const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    await db.insert(partnerWebhookAttempts).values({ deliveryId: d.id, at: now, status: outcome.status, error: outcome.error?.slice(0, 300) ?? null, durationMs: Date.now() - started });
    const common = { claimedUntil: null, lastStatus: outcome.status, lastError: ok ? null : (outcome.error ?? `HTTP ${outcome.status}`).slice(0, 300) };
    if (ok) {
      await db.update(partnerWebhookDeliveries).set({ ...common, status: "delivered", deliveredAt: now }).where(eq(partnerWebhookDeliveries.id, d.id));
      report.delivered += 1;
    } else if (d.attempts >= WEBHOOK_MAX_ATTEMPTS || hook.disabledAt) {
      await db.update(partnerWebhookDeliveries).set({ ...common, status: "failed" }).where(eq(partnerWebhookDeliveries.id, d.id));
      report.failed += 1;
    } else {
      await db.update(partnerWebhookDeliveries).set({ ...common, nextAttemptAt: new Date(now.getTime() + backoffMs(d.attempts)) }).where(eq(partnerWebhookDeliveries.id, d.id));
      report.retried += 1;
    }
  }
  return report;
}

/** One beat of the job: find the new routings, send what is due. */
export async function runWebhooksOnce(opts: { db: Db; now: Date; send: WebhookSend; keys?: SealingKeys }): Promise<DeliveryReport & { enqueued: number }> {
  const enqueued = await enqueueRouted(opts);
  return { enqueued, ...(await deliverDue(opts)) };
}

/**
 * The sender: the push endpoints' address rule for the endpoint's own host, a connection whose
 * lookup applies it again, the signature headers, 10 s. `policy` and `tls` are for tests (a
 * local HTTPS receiver on loopback, as the push tests do); configuration cannot reach them.
 */
export function webhookSender(opts: { allowLoopbackForTests?: boolean; tls?: Pick<AgentOptions, "ca">; resolve?: PushEndpointPolicy["resolve"] } = {}): WebhookSend {
  return async ({ url, secret, body, timestamp }) => {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return { status: null, error: "refused: notHttps" };
    }
    const policy: PushEndpointPolicy = { hosts: [host.replace(/^\[|\]$/g, "")], allowLoopbackForTests: opts.allowLoopbackForTests, resolve: opts.resolve };
    const allowed = await checkPushEndpoint(url, policy);
    if (!allowed.ok) return { status: null, error: `refused: ${allowed.reason}` };
    const agent = new Agent({ ...opts.tls, lookup: guardedLookup(policy) as AgentOptions["lookup"], timeout: TIMEOUT_MS, keepAlive: false });
    return new Promise((resolve) => {
      const req = httpsRequest(
        url,
        {
          method: "POST",
          agent,
          timeout: TIMEOUT_MS,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "user-agent": "Idarti-Webhooks/1",
            "idarti-timestamp": String(timestamp),
            "idarti-signature": signTimestamped(secret, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? null, error: null }));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (e) => resolve({ status: null, error: e.message.slice(0, 300) }));
      req.end(body);
    });
  };
}

