import "server-only";
import { isPracticeReference } from "@/lib/practice/token";
import { and, asc, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { paymentLedger, payments } from "@/lib/db/schema";
import type { GatewayPayment, PaymentGateway } from "./gateway";
import type { PaymentState } from "./states";
import { addDays, parseLocalDate, startOfLocalDay } from "@/lib/clock/zone";

export type Mismatch =
  | { kind: "missingInLedger"; gatewayPaymentId: string; merchantReference: string; gatewayStatus: string; amountMillimes: number }
  | { kind: "missingAtGateway"; paymentReference: string; gatewayPaymentId: string | null; ledgerState: PaymentState }
  | { kind: "stateDiffers"; paymentReference: string; gatewayPaymentId: string; ledgerState: PaymentState; gatewayStatus: string }
  | { kind: "amountDiffers"; paymentReference: string; gatewayPaymentId: string; ledgerAmount: number; gatewayAmount: number }
  | { kind: "ledgerDiffersFromPayment"; paymentReference: string; ledgerState: PaymentState; paymentState: PaymentState };

export type ReconciliationReport = {
  day: string;
  gatewayCount: number;
  ledgerCount: number;
  matched: number;
  /** Still pending on both sides: not a mismatch, but not settled either. */
  open: number;
  mismatches: Mismatch[];
};

const rank: Record<PaymentState, number> = { created: 0, pending: 1, paid: 2, declined: 2, expired: 2, refunded: 3 };

/**
 * Compares our ledger with the gateway's list for one day (Africa/Tunis): every request the
 * gateway made for us must be in the ledger in the same final state for the same amount, and
 * every payment we sent must be at the gateway. Payments that straddle midnight are looked up
 * individually before being called missing.
 */
export async function reconcileDay(opts: { db: Db; gateway: PaymentGateway; day: string }): Promise<ReconciliationReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.day)) throw new RangeError("day is YYYY-MM-DD");
  const { start, end } = tunisDayBounds(opts.day);
  // Practice requests (lib/payments/practice.ts) are never in the ledger, by design: not counted.
  const theirs = (await opts.gateway.listPaymentsOfDay(opts.day)).filter((g) => !isPracticeReference(g.merchantReference));
  const ours = await opts.db
    .select()
    .from(payments)
    .where(and(eq(payments.gateway, opts.gateway.id), gte(payments.createdAt, start), lt(payments.createdAt, end)));

  // Also ours from the neighbouring days for the gateway's ids (clocks differ around midnight).
  const ids = theirs.map((t) => t.id);
  const extra = ids.length
    ? await opts.db.select().from(payments).where(and(eq(payments.gateway, opts.gateway.id), isNotNull(payments.gatewayPaymentId), inArray(payments.gatewayPaymentId, ids)))
    : [];
  const all = new Map([...ours, ...extra].map((p) => [p.id, p]));
  const ledgerRows = all.size
    ? await opts.db.select().from(paymentLedger).where(inArray(paymentLedger.paymentId, [...all.keys()])).orderBy(asc(paymentLedger.at))
    : [];
  const ledgerState = new Map<string, { state: PaymentState; amount: number }>();
  for (const row of ledgerRows) {
    const prev = ledgerState.get(row.paymentId);
    if (!prev || rank[row.toState] > rank[prev.state]) ledgerState.set(row.paymentId, { state: row.toState, amount: row.amountMillimes });
  }
  const stateOf = (id: string, p: typeof payments.$inferSelect) => ledgerState.get(id) ?? { state: "created" as PaymentState, amount: p.totalMillimes };
  const byGatewayId = new Map([...all.values()].filter((p) => p.gatewayPaymentId).map((p) => [p.gatewayPaymentId!, p]));

  const mismatches: Mismatch[] = [];
  let matched = 0;
  let open = 0;
  for (const g of theirs) {
    const p = byGatewayId.get(g.id) ?? [...all.values()].find((x) => x.reference === g.merchantReference);
    if (!p) {
      mismatches.push({ kind: "missingInLedger", gatewayPaymentId: g.id, merchantReference: g.merchantReference, gatewayStatus: g.status, amountMillimes: g.amountMillimes });
      continue;
    }
    const l = stateOf(p.id, p);
    let ok = true;
    if (l.amount !== g.amountMillimes) {
      ok = false;
      mismatches.push({ kind: "amountDiffers", paymentReference: p.reference, gatewayPaymentId: g.id, ledgerAmount: l.amount, gatewayAmount: g.amountMillimes });
    }
    if (!sameState(l.state, g)) {
      ok = false;
      mismatches.push({ kind: "stateDiffers", paymentReference: p.reference, gatewayPaymentId: g.id, ledgerState: l.state, gatewayStatus: g.status });
    }
    if (l.state !== p.state) {
      ok = false;
      mismatches.push({ kind: "ledgerDiffersFromPayment", paymentReference: p.reference, ledgerState: l.state, paymentState: p.state });
    }
    if (ok) {
      if (g.status === "pending") open++;
      else matched++;
    }
  }
  const seen = new Set(theirs.map((t) => t.id));
  for (const p of ours) {
    if (p.gatewayPaymentId && seen.has(p.gatewayPaymentId)) continue;
    if (theirs.some((t) => t.merchantReference === p.reference)) continue;
    const l = stateOf(p.id, p);
    // Never sent (declined by an unknown payer, or lost before reaching the gateway): nothing to find there.
    if (!p.gatewayPaymentId && (l.state === "declined" || l.state === "expired")) continue;
    if (p.gatewayPaymentId) {
      const found = await opts.gateway.getPayment(p.gatewayPaymentId).catch(() => null);
      if (found) continue; // created at the gateway on the neighbouring day: reconciled with that day
    }
    mismatches.push({ kind: "missingAtGateway", paymentReference: p.reference, gatewayPaymentId: p.gatewayPaymentId, ledgerState: l.state });
  }
  return { day: opts.day, gatewayCount: theirs.length, ledgerCount: all.size, matched, open, mismatches };
}

function sameState(ours: PaymentState, g: GatewayPayment): boolean {
  if (ours === "created") return false;
  return ours === g.status;
}

/** Midnight to midnight in Africa/Tunis, as UTC instants. */
export function tunisDayBounds(day: string): { start: Date; end: Date } {
  const date = parseLocalDate(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return { start: startOfLocalDay(date), end: startOfLocalDay(addDays(date, 1)) };
}
