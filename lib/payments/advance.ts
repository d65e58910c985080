import "server-only";
import { and, eq } from "drizzle-orm";
import { paymentItems, paymentLedger, payments } from "@/lib/db/schema";
import type { Tx } from "@/lib/db/open";
import { issueDocument } from "@/lib/documents/store";
import { notify } from "@/lib/notifications/enqueue";
import type { GatewayPayment } from "./gateway";
import type { PaymentDeps } from "./deps";
import { holdsBills, pathTo, type PaymentReason, type PaymentState } from "./states";

export const RECEIPT_KIND = "payment-receipt";

export type LedgerSource = "create" | "callback" | "status-check" | "settle-job" | "expiry" | "not-sent" | "partner-confirmation";

type Payment = typeof payments.$inferSelect;

/**
 * Moves a payment toward what the gateway says, one state at a time, each step a compare-and-set
 * (`where state = <from>`) in its own transaction with its ledger row, the release of its bills
 * when no money moved, and the receipt when it becomes paid. A step someone else already took
 * is not taken twice; a step backwards is never taken (states.ts). No lock is held while the
 * gateway is asked: callers ask first, then call this.
 */
export async function advancePayment(opts: {
  deps: PaymentDeps;
  paymentId: string;
  target: PaymentState;
  source: LedgerSource;
  gatewayPayment?: GatewayPayment;
  reason?: PaymentReason | null;
}): Promise<PaymentState> {
  const { db } = opts.deps;
  for (let attempt = 0; attempt < 6; attempt++) {
    const [current] = await db.select().from(payments).where(eq(payments.id, opts.paymentId));
    if (!current) throw new Error(`payment ${opts.paymentId} not found`);
    const path = pathTo(current.state, opts.target);
    if (path.length === 0) return current.state;
    const step = path[0]!;
    const at = await opts.deps.now();
    const moved = await db.transaction(async (tx) => moveOneStep(tx, opts.deps, current, step, at, opts));
    if (moved && path.length === 1) return step;
    // Lost a race, or more steps to go: read again and continue from where the payment is.
  }
  const [after] = await db.select({ state: payments.state }).from(payments).where(eq(payments.id, opts.paymentId));
  return after!.state;
}

async function moveOneStep(
  tx: Tx,
  deps: PaymentDeps,
  current: Payment,
  step: PaymentState,
  at: Date,
  opts: { source: LedgerSource; gatewayPayment?: GatewayPayment; reason?: PaymentReason | null },
): Promise<boolean> {
  const gp = opts.gatewayPayment;
  const reason = step === "declined" || step === "expired" ? (opts.reason ?? reasonFrom(gp) ?? (step === "expired" ? "expired" : null)) : null;
  const [moved] = await tx
    .update(payments)
    .set({
      state: step,
      updatedAt: at,
      reason,
      ...(step === "paid" ? { paidAt: gp?.paidAt ? new Date(gp.paidAt) : at, gatewayTransactionId: gp?.transactionId ?? null } : {}),
      ...(gp && !current.gatewayPaymentId ? { gatewayPaymentId: gp.id } : {}),
    })
    .where(and(eq(payments.id, current.id), eq(payments.state, current.state)))
    .returning();
  if (!moved) return false;
  await tx.insert(paymentLedger).values({
    paymentId: current.id,
    fromState: current.state,
    toState: step,
    source: opts.source,
    amountMillimes: current.totalMillimes,
    gatewayPaymentId: gp?.id ?? current.gatewayPaymentId,
    detail: gp ? { gatewayStatus: gp.status, gatewayReason: gp.reason } : reason ? { reason } : null,
    at,
  });
  if (!holdsBills(step)) await tx.update(paymentItems).set({ active: false }).where(eq(paymentItems.paymentId, current.id));
  if (step === "paid") await issueReceipt(tx, deps, moved, at);
  await notifyOutcome(tx, moved, at);
  return true;
}

/**
 * The citizen hears how a payment ended — paid, declined or expired — by their channels (inbox
 * always, push and SMS as they chose), written in the transaction of the move: the page they
 * were waiting on may be closed long before D17 answers. A refund is not a move they started.
 */
async function notifyOutcome(tx: Tx, p: Payment, at: Date) {
  const type = p.state === "paid" ? "paymentPaid" : p.state === "declined" ? "paymentDeclined" : p.state === "expired" ? "paymentExpired" : null;
  if (!type) return;
  await notify({
    tx,
    userId: p.userId,
    type,
    data: { reference: p.reference, totalMillimes: String(p.totalMillimes), ...(p.reason ? { reasonKey: `Pay.reasons.${p.reason}` } : {}) },
    link: p.state === "paid" ? `/pay/receipt/${p.id}` : `/pay/status/${p.id}`,
    now: at,
  });
}

function reasonFrom(gp: GatewayPayment | undefined): PaymentReason | null {
  switch (gp?.reason) {
    case "refused_by_payer":
      return "refusedByPayer";
    case "insufficient_funds":
      return "insufficientFunds";
    case "expired":
    case "cancelled_by_merchant":
      return "expired";
    default:
      return null;
  }
}

/** The receipt is issued in the same transaction as the move to paid: no paid payment without one. */
async function issueReceipt(tx: Tx, deps: PaymentDeps, payment: Payment, at: Date) {
  const items = await tx.select().from(paymentItems).where(eq(paymentItems.paymentId, payment.id));
  await issueDocument({
    db: tx,
    key: deps.signingKey,
    kind: RECEIPT_KIND,
    subjectType: "payment",
    subjectId: payment.id,
    ownerUserId: payment.userId,
    issuedAt: at,
    data: {
      paymentReference: payment.reference,
      gateway: payment.gateway,
      gatewayTransactionId: payment.gatewayTransactionId ?? "",
      paidAt: (payment.paidAt ?? at).toISOString(),
      amountMillimes: payment.amountMillimes,
      feeMillimes: payment.feeMillimes,
      totalMillimes: payment.totalMillimes,
      items: items
        .sort((a, b) => a.payee.localeCompare(b.payee) || a.reference.localeCompare(b.reference))
        .map((i) => ({ payee: i.payee, reference: i.reference, amountMillimes: i.amountMillimes, period: i.period ?? "" })),
    },
  });
}
