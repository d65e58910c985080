import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { paymentItems, payments } from "@/lib/db/schema";
import { findDocument } from "@/lib/documents/store";
import { AppError } from "@/lib/errors";
import { RECEIPT_KIND } from "./advance";
import type { PaymentDeps } from "./deps";
import { isUuid } from "./start-payment";
import { fulfilPayment, settlePayment } from "./settle";
import type { PaymentReason, PaymentState } from "./states";
import { log } from "@/lib/log";

export type PaymentView = {
  id: string;
  reference: string;
  state: PaymentState;
  reason: PaymentReason | null;
  payerPhone: string;
  amountMillimes: number;
  feeMillimes: number;
  totalMillimes: number;
  createdAt: Date;
  expiresAt: Date;
  paidAt: Date | null;
  checkoutId: string | null;
  /** The gateway could not be reached at the last check. */
  gatewayUnreachable: boolean;
  items: { payee: string; reference: string; customer: string; period: string | null; dueDate: string | null; amountMillimes: number }[];
  receiptCode: string | null;
};

/** A citizen's own payment (anyone else's is "not found"). */
export async function getPayment(opts: { deps: PaymentDeps; userId: string; paymentId: string }): Promise<PaymentView> {
  if (!isUuid(opts.paymentId)) throw new AppError("notFound");
  const { db } = opts.deps;
  const [p] = await db.select().from(payments).where(and(eq(payments.id, opts.paymentId), eq(payments.userId, opts.userId)));
  if (!p) throw new AppError("notFound");
  const items = await db.select().from(paymentItems).where(eq(paymentItems.paymentId, p.id)).orderBy(asc(paymentItems.payee), asc(paymentItems.reference));
  const receipt = p.state === "paid" || p.state === "refunded" ? await findDocument(db, { kind: RECEIPT_KIND, subjectType: "payment", subjectId: p.id }) : null;
  return {
    id: p.id,
    reference: p.reference,
    state: p.state,
    reason: (p.reason as PaymentReason | null) ?? null,
    payerPhone: p.payerPhone,
    amountMillimes: p.amountMillimes,
    feeMillimes: p.feeMillimes,
    totalMillimes: p.totalMillimes,
    createdAt: p.createdAt,
    expiresAt: p.expiresAt,
    paidAt: p.paidAt,
    checkoutId: p.checkoutId,
    gatewayUnreachable: p.lastError !== null && (p.state === "created" || p.state === "pending"),
    items: items.map((i) => ({ payee: i.payee, reference: i.reference, customer: i.customer, period: i.period, dueDate: i.dueDate, amountMillimes: i.amountMillimes })),
    receiptCode: receipt?.code ?? null,
  };
}

/**
 * What the status page and its polling ask: settles with the gateway first (throttled), tells
 * the billers when it is paid, then answers. The browser's return never decides anything.
 */
export async function refreshPayment(opts: { deps: PaymentDeps; userId: string; paymentId: string; force?: boolean }): Promise<PaymentView> {
  const before = await getPayment(opts);
  if (before.state === "created" || before.state === "pending") {
    // The payer is on the page: a request D17 never got is sent again while they are (settle.ts).
    await opts.deps.db.update(payments).set({ payerSeenAt: await opts.deps.now() }).where(eq(payments.id, before.id));
    const state = await settlePayment({ deps: opts.deps, paymentId: before.id, source: "status-check", force: opts.force });
    if (state === "paid") await fulfilPayment({ deps: opts.deps, paymentId: before.id }).catch((e: unknown) => log.error("payment.fulfilFailed", e, { payment: before.id }));
    if (state !== before.state || opts.force) return getPayment(opts);
  }
  return before;
}

export type PaymentSummary = Pick<PaymentView, "id" | "reference" | "state" | "totalMillimes" | "createdAt" | "paidAt"> & { payees: string[] };

export async function listPayments(opts: { deps: PaymentDeps; userId: string; limit?: number }): Promise<PaymentSummary[]> {
  const { db } = opts.deps;
  const rows = await db.select().from(payments).where(eq(payments.userId, opts.userId)).orderBy(desc(payments.createdAt)).limit(opts.limit ?? 20);
  const out: PaymentSummary[] = [];
  for (const p of rows) {
    const items = await db.select({ payee: paymentItems.payee }).from(paymentItems).where(eq(paymentItems.paymentId, p.id));
    out.push({ id: p.id, reference: p.reference, state: p.state, totalMillimes: p.totalMillimes, createdAt: p.createdAt, paidAt: p.paidAt, payees: [...new Set(items.map((i) => i.payee))] });
  }
  return out;
}

/** Bills of the citizen's that are in a payment in flight or paid through Idarti, by "payee:reference". */
export async function heldItems(opts: { deps: PaymentDeps; userId: string }): Promise<Map<string, { paymentId: string; state: PaymentState }>> {
  const rows = await opts.deps.db
    .select({ payee: paymentItems.payee, reference: paymentItems.reference, paymentId: payments.id, state: payments.state })
    .from(paymentItems)
    .innerJoin(payments, eq(payments.id, paymentItems.paymentId))
    .where(and(eq(paymentItems.active, true), eq(payments.userId, opts.userId)));
  return new Map(rows.map((r) => [`${r.payee}:${r.reference}`, { paymentId: r.paymentId, state: r.state }]));
}
