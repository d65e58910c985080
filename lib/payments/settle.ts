import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { paymentItems, payments } from "@/lib/db/schema";
import { advancePayment, type LedgerSource } from "./advance";
import type { PaymentDeps } from "./deps";
import { isGatewayError, type GatewayPayment } from "./gateway";
import { resendRequest } from "./start-payment";
import { isFinal, type PaymentState } from "./states";
import { log } from "@/lib/log";

/** After this long without a trace at the gateway, a creation that got no answer never arrived. */
export const CREATE_GRACE_MS = 2 * 60_000;
/** A payer whose page asked for the status within this long is still waiting on it. */
export const PAYER_AWAY_MS = 30_000;
/** Browsers polling the status do not ask the gateway more often than this per payment. */
export const CHECK_THROTTLE_MS = 2_000;

/**
 * Asks the gateway where a payment stands and moves it there — the only way a payment moves
 * after its creation. When our time limit has passed and the gateway still says pending, the
 * request is cancelled and the cancellation's answer is believed (it says paid if the payer was
 * quicker). When the gateway cannot be reached, nothing moves and a later check tries again. A
 * request that never reached the gateway is sent again while the payer waits on the page;
 * once they have left, it ends as not sent after CREATE_GRACE_MS.
 */
export async function settlePayment(opts: { deps: PaymentDeps; paymentId: string; source: LedgerSource; force?: boolean }): Promise<PaymentState> {
  const { deps } = opts;
  const [p] = await deps.db.select().from(payments).where(eq(payments.id, opts.paymentId));
  if (!p) throw new Error(`payment ${opts.paymentId} not found`);
  // Paid payments are asked again only on the gateway's word (a callback: maybe a refund).
  if (p.state !== "created" && p.state !== "pending" && !(p.state === "paid" && opts.source === "callback")) return p.state;
  if (!opts.force && p.lastCheckedAt && Date.now() - p.lastCheckedAt.getTime() < CHECK_THROTTLE_MS) return p.state;

  const now = await deps.now();
  try {
    let gp: GatewayPayment | undefined;
    if (p.gatewayPaymentId) gp = await deps.gateway.getPayment(p.gatewayPaymentId);
    else {
      // The creation's answer was lost: look for it by our reference.
      const found = await deps.gateway.findByMerchantReference(p.reference);
      gp = found.find((g) => g.amountMillimes === p.totalMillimes) ?? found[0];
      if (gp) await deps.db.update(payments).set({ gatewayPaymentId: gp.id }).where(and(eq(payments.id, p.id), isNull(payments.gatewayPaymentId)));
      else if (payerWaiting(p, opts.source, now) && now.getTime() - p.createdAt.getTime() < deps.settings.expirySeconds * 1000) {
        // D17 answers again and has nothing under our reference, while the payer still waits on
        // the page: send the same request again (same key: at most one request at D17).
        await noteCheck(deps, p.id, null, 5_000);
        return resendRequest(deps, p);
      } else if (now.getTime() - p.createdAt.getTime() > CREATE_GRACE_MS) {
        await noteCheck(deps, p.id, null, 30_000);
        return advancePayment({ deps, paymentId: p.id, target: "expired", source: "not-sent", reason: "notSent" });
      }
    }
    if (gp && gp.status === "pending" && now >= p.expiresAt) {
      gp = await deps.gateway.cancelPayment(gp.id);
      await noteCheck(deps, p.id, null, 15_000);
      return advancePayment({ deps, paymentId: p.id, target: gp.status, source: "expiry", gatewayPayment: gp });
    }
    await noteCheck(deps, p.id, null, 15_000);
    if (!gp) return p.state;
    return advancePayment({ deps, paymentId: p.id, target: gp.status, source: opts.source, gatewayPayment: gp });
  } catch (error) {
    if (isGatewayError(error, "unavailable") || isGatewayError(error, "notFound")) {
      await noteCheck(deps, p.id, (error as Error).message, 15_000);
      return p.state;
    }
    throw error;
  }
}

function payerWaiting(p: { payerSeenAt: Date | null }, source: LedgerSource, now: Date): boolean {
  return source === "status-check" || (p.payerSeenAt !== null && now.getTime() - p.payerSeenAt.getTime() < PAYER_AWAY_MS);
}

async function noteCheck(deps: PaymentDeps, id: string, error: string | null, retryMs: number) {
  await deps.db
    .update(payments)
    .set({ lastCheckedAt: new Date(), lastError: error?.slice(0, 300) ?? null, nextCheckAt: new Date(Date.now() + retryMs) })
    .where(eq(payments.id, id));
}

/**
 * Tells the billers of a paid payment. Each biller answers idempotently by payment reference,
 * so telling twice is harmless; an unreachable biller is asked again by the settle job.
 */
export async function fulfilPayment(opts: { deps: PaymentDeps; paymentId: string }): Promise<{ done: boolean }> {
  const { deps } = opts;
  const [p] = await deps.db.select().from(payments).where(eq(payments.id, opts.paymentId));
  if (!p || p.state !== "paid") return { done: false };
  if (p.fulfilledAt) return { done: true };
  const items = await deps.db.select().from(paymentItems).where(and(eq(paymentItems.paymentId, p.id), isNull(paymentItems.notifiedAt)));
  let pending = 0;
  for (const item of items) {
    try {
      const outcome = await deps.payees.notifyPaid({
        payee: item.payee,
        reference: item.reference,
        amountMillimes: item.amountMillimes,
        paymentReference: p.reference,
        paidAt: p.paidAt ?? p.updatedAt,
      });
      if (outcome !== "accepted") log.error("payment.payeeRefused", undefined, { payee: item.payee, outcome, item: item.reference, payment: p.reference, hint: "needs a person (refund?)" });
      await deps.db.update(paymentItems).set({ notifiedAt: await deps.now(), notifyOutcome: outcome, notifyAttempts: sql`${paymentItems.notifyAttempts} + 1` }).where(eq(paymentItems.id, item.id));
    } catch (error) {
      pending++;
      await deps.db
        .update(paymentItems)
        .set({ notifyAttempts: sql`${paymentItems.notifyAttempts} + 1`, notifyOutcome: `error: ${(error as Error).message}`.slice(0, 200) })
        .where(eq(paymentItems.id, item.id));
    }
  }
  if (pending === 0) {
    await deps.db.update(payments).set({ fulfilledAt: await deps.now() }).where(eq(payments.id, p.id));
    return { done: true };
  }
  await deps.db.update(payments).set({ nextCheckAt: new Date(Date.now() + 30_000) }).where(eq(payments.id, p.id));
  return { done: false };
}

/**
 * The background job: claims a batch of payments that are due a check (a lease, FOR UPDATE SKIP
 * LOCKED, so two app instances on one PostgreSQL never take the same rows), settles them, and
 * tells billers of the paid ones. Called on an interval by the app (instrumentation.ts) and
 * directly by tests.
 */
export async function settleDuePayments(opts: { deps: PaymentDeps; limit?: number; nowMs?: number }): Promise<{ checked: number; moved: number }> {
  const { deps } = opts;
  const nowMs = opts.nowMs ?? Date.now();
  const lease = new Date(nowMs + 60_000);
  const result = await deps.db.execute(sql`
    update payments set next_check_at = ${lease.toISOString()}
    where id in (
      select id from payments
      where (state in ('created', 'pending') or (state = 'paid' and fulfilled_at is null))
        and next_check_at <= ${new Date(nowMs).toISOString()}
      order by next_check_at
      limit ${opts.limit ?? 25}
      for update skip locked
    )
    returning id, state`);
  const rows = (result as unknown as { rows: { id: string; state: PaymentState }[] }).rows;
  let moved = 0;
  for (const row of rows) {
    try {
      let state = row.state;
      if (!isFinal(state)) {
        state = await settlePayment({ deps, paymentId: row.id, source: "settle-job", force: true });
        if (state !== row.state) moved++;
      }
      if (state === "paid") await fulfilPayment({ deps, paymentId: row.id });
    } catch (error) {
      log.error("payment.settleFailed", error, { payment: row.id });
    }
  }
  return { checked: rows.length, moved };
}
