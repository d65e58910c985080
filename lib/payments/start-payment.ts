import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { paymentCheckouts, paymentItems, payments, type CheckoutItemRow } from "@/lib/db/schema";
import { newCode } from "@/lib/documents/codes";
import { AppError } from "@/lib/errors";
import { advancePayment } from "./advance";
import type { PaymentDeps } from "./deps";
import { isGatewayError } from "./gateway";
import type { PayableItem } from "./payee";
import { normalisePhone } from "@/lib/auth/phone";
import { isUniqueViolation } from "@/lib/db/errors";
import type { PaymentState } from "./states";
import { log } from "@/lib/log";

export const MAX_ITEMS = 10;

/**
 * What the citizen chose to pay, kept server-side (the bills' keys never go to the browser
 * again). The items come from the app layer, which looked them up with the billers.
 */
export async function createCheckout(opts: { deps: PaymentDeps; userId: string; items: PayableItem[] }): Promise<{ checkoutId: string }> {
  const items = dedupe(opts.items);
  if (items.length === 0) throw new AppError("validation", { fields: { bills: "Pay.errors.chooseBill" } });
  if (items.length > MAX_ITEMS) throw new AppError("validation", { fields: { bills: "Pay.errors.tooManyBills" } });
  for (const i of items) if (!Number.isSafeInteger(i.amountMillimes) || i.amountMillimes <= 0) throw new AppError("validation", { messageKey: "Pay.errors.nothingToPay" });
  await refuseItemsInFlight(opts.deps, items);
  const [row] = await opts.deps.db
    .insert(paymentCheckouts)
    .values({ userId: opts.userId, items: items.map(toRow), createdAt: await opts.deps.now() })
    .returning({ id: paymentCheckouts.id });
  return { checkoutId: row!.id };
}

export type CheckoutView = { id: string; items: CheckoutItemRow[]; amountMillimes: number; feeMillimes: number; totalMillimes: number };

export async function getCheckout(opts: { deps: PaymentDeps; userId: string; checkoutId: string }): Promise<CheckoutView> {
  if (!isUuid(opts.checkoutId)) throw new AppError("notFound");
  const [row] = await opts.deps.db.select().from(paymentCheckouts).where(and(eq(paymentCheckouts.id, opts.checkoutId), eq(paymentCheckouts.userId, opts.userId)));
  if (!row) throw new AppError("notFound");
  const amount = row.items.reduce((s, i) => s + i.amountMillimes, 0);
  const fee = opts.deps.settings.feeMillimes;
  return { id: row.id, items: row.items, amountMillimes: amount, feeMillimes: fee, totalMillimes: amount + fee };
}

/**
 * Starts one payment attempt. The idempotency key comes from the form (made when the page was
 * rendered): sending the same form twice, or fifty times at once, makes one payment and one
 * request-to-pay. A bill already in another payment in flight (or paid through us) is refused,
 * by a unique index, so two attempts with different keys cannot both go through.
 */
export async function startPayment(opts: {
  deps: PaymentDeps;
  userId: string;
  checkoutId: string;
  payerPhone: string;
  idempotencyKey: string;
  locale: string;
}): Promise<{ paymentId: string; state: PaymentState }> {
  const { deps } = opts;
  // The one phone parser (sign-in's): a D17 account is a Tunisian mobile number.
  const parsed = normalisePhone(opts.payerPhone);
  if (!parsed.ok) throw new AppError("validation", { fields: { payerPhone: "Pay.errors.phoneInvalid" } });
  const phone = parsed.e164;
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(opts.idempotencyKey)) throw new AppError("validation", { messageKey: "Pay.errors.reload" });

  const again = await findByKey(deps, opts.idempotencyKey, opts.userId);
  if (again) return again;

  const checkout = await getCheckout({ deps, userId: opts.userId, checkoutId: opts.checkoutId });

  // Ask the billers again, just before money moves: paid meanwhile elsewhere? amount changed?
  let confirmed: PayableItem[];
  try {
    const checks = await Promise.all(checkout.items.map((i) => deps.payees.confirm({ payee: i.payee, reference: i.reference, key: i.key, amountMillimes: i.amountMillimes })));
    const problem = checks.find((c) => !c.ok);
    if (problem && !problem.ok) {
      const key = problem.problem === "paid" ? "Pay.errors.paidElsewhere" : problem.problem === "amountChanged" ? "Pay.errors.amountChanged" : "Pay.errors.billGone";
      throw new AppError("conflict", { messageKey: key });
    }
    confirmed = checks.map((c) => (c.ok ? c.item : (undefined as never)));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", { messageKey: "Pay.errors.billerUnavailable", cause: error });
  }

  const at = await deps.now();
  const amount = confirmed.reduce((s, i) => s + i.amountMillimes, 0);
  const fee = deps.settings.feeMillimes;
  let created: { id: string; reference: string } | undefined;
  try {
    created = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(payments)
        .values({
          reference: newCode({ length: 8, prefix: "PAY" }),
          userId: opts.userId,
          checkoutId: checkout.id,
          idempotencyKey: opts.idempotencyKey,
          gateway: deps.gateway.id,
          payerPhone: phone,
          amountMillimes: amount,
          feeMillimes: fee,
          totalMillimes: amount + fee,
          state: "created",
          locale: opts.locale,
          createdAt: at,
          updatedAt: at,
          expiresAt: new Date(at.getTime() + deps.settings.expirySeconds * 1000),
          nextCheckAt: new Date(Date.now() + 30_000),
        })
        .onConflictDoNothing({ target: payments.idempotencyKey })
        .returning({ id: payments.id, reference: payments.reference });
      if (!row) return undefined; // the same attempt, sent again at the same moment
      await tx.insert(paymentItems).values(
        confirmed.map((i) => ({
          paymentId: row.id,
          payee: i.payee,
          reference: i.reference,
          customer: i.customer,
          period: i.period,
          dueDate: i.dueDate,
          amountMillimes: i.amountMillimes,
          active: true,
        })),
      );
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "payment_items_in_flight_uq")) throw new AppError("conflict", { messageKey: "Pay.errors.billInFlight" });
    throw error;
  }
  if (!created) {
    const winner = await findByKey(deps, opts.idempotencyKey, opts.userId);
    if (!winner) throw new AppError("conflict", { messageKey: "Pay.errors.reload" });
    return winner;
  }

  const state = await requestToPay(deps, { id: created.id, reference: created.reference, idempotencyKey: opts.idempotencyKey, phone, total: amount + fee, items: confirmed });
  return { paymentId: created.id, state };
}

async function requestToPay(
  deps: PaymentDeps,
  p: { id: string; reference: string; idempotencyKey: string; phone: string; total: number; items: PayableItem[] },
): Promise<PaymentState> {
  try {
    const gp = await deps.gateway.createPayment({
      idempotencyKey: p.idempotencyKey,
      merchantReference: p.reference,
      amountMillimes: p.total,
      payerPhone: p.phone,
      description: `Idarti ${p.items.map((i) => `${i.payee.toUpperCase()} ${i.reference}`).join(" + ")}`,
      // A minute more than ours: our own time limit (cancel, then believe the answer) decides.
      expiresInSeconds: deps.settings.expirySeconds + 60,
    });
    // Our time limit counts from the moment D17 has the request (not from the first try: D17 may
    // have been down then, and the payer could not approve what did not exist).
    const sentAt = await deps.now();
    await deps.db
      .update(payments)
      .set({ gatewayPaymentId: gp.id, expiresAt: new Date(sentAt.getTime() + deps.settings.expirySeconds * 1000) })
      .where(and(eq(payments.id, p.id), eq(payments.state, "created")));
    return advancePayment({ deps, paymentId: p.id, target: gp.status, source: "create", gatewayPayment: gp });
  } catch (error) {
    if (isGatewayError(error, "payerUnknown")) return advancePayment({ deps, paymentId: p.id, target: "declined", source: "create", reason: "payerUnknown" });
    if (isGatewayError(error, "rejected")) {
      // A 4xx refusal: D17 created nothing, so the bill can be freed. (A 2xx we cannot read is
      // `unavailable` below: D17 may hold a live request, the bill stays held.)
      log.error("payment.d17Refused", error);
      return advancePayment({ deps, paymentId: p.id, target: "expired", source: "not-sent", reason: "notSent" });
    }
    // Unknown outcome (down, timed out, unreadable answer): stays `created`; settling asks D17 by merchant reference.
    await deps.db
      .update(payments)
      .set({ lastError: (error as Error).message.slice(0, 300), nextCheckAt: new Date(Date.now() + 5_000) })
      .where(eq(payments.id, p.id));
    return "created";
  }
}

/**
 * Sends a request-to-pay that D17 never got (down, or answering 5xx, when the payer pressed "pay")
 * again, with the same idempotency key — so it can never make two requests, even if the first did
 * arrive after all. Only while the bills are still due at their billers, for the same amounts:
 * otherwise the attempt ends as not sent, and no money moved.
 */
export async function resendRequest(deps: PaymentDeps, p: typeof payments.$inferSelect): Promise<PaymentState> {
  const [checkout] = p.checkoutId ? await deps.db.select().from(paymentCheckouts).where(eq(paymentCheckouts.id, p.checkoutId)) : [];
  const held = await deps.db.select().from(paymentItems).where(and(eq(paymentItems.paymentId, p.id), eq(paymentItems.active, true)));
  const items = held.map((i) => ({ ...i, key: checkout?.items.find((c) => c.payee === i.payee && c.reference === i.reference)?.key ?? null }));
  let confirmed: PayableItem[];
  try {
    const checks = await Promise.all(items.map((i) => deps.payees.confirm({ payee: i.payee, reference: i.reference, key: i.key, amountMillimes: i.amountMillimes })));
    if (items.length === 0 || checks.some((c) => !c.ok)) return advancePayment({ deps, paymentId: p.id, target: "expired", source: "not-sent", reason: "notSent" });
    confirmed = checks.map((c) => (c.ok ? c.item : (undefined as never)));
  } catch {
    return p.state; // a biller cannot say now: ask again at the next check
  }
  if (confirmed.reduce((s, i) => s + i.amountMillimes, 0) + p.feeMillimes !== p.totalMillimes) {
    return advancePayment({ deps, paymentId: p.id, target: "expired", source: "not-sent", reason: "notSent" });
  }
  return requestToPay(deps, { id: p.id, reference: p.reference, idempotencyKey: p.idempotencyKey, phone: p.payerPhone, total: p.totalMillimes, items: confirmed });
}

async function findByKey(deps: PaymentDeps, key: string, userId: string): Promise<{ paymentId: string; state: PaymentState } | null> {
  const [row] = await deps.db.select({ id: payments.id, state: payments.state, userId: payments.userId }).from(payments).where(eq(payments.idempotencyKey, key));
  if (!row) return null;
  if (row.userId !== userId) throw new AppError("conflict", { messageKey: "Pay.errors.reload" });
  return { paymentId: row.id, state: row.state };
}

async function refuseItemsInFlight(deps: PaymentDeps, items: PayableItem[]) {
  const held = await deps.db
    .select({ payee: paymentItems.payee, reference: paymentItems.reference })
    .from(paymentItems)
    .where(and(eq(paymentItems.active, true), inArray(paymentItems.reference, items.map((i) => i.reference))));
  if (held.some((h) => items.some((i) => i.payee === h.payee && i.reference === h.reference))) {
    throw new AppError("conflict", { messageKey: "Pay.errors.billInFlight" });
  }
}

function dedupe(items: PayableItem[]): PayableItem[] {
  const seen = new Map<string, PayableItem>();
  for (const i of items) seen.set(`${i.payee}:${i.reference}`, i);
  return [...seen.values()];
}

function toRow(i: PayableItem): CheckoutItemRow {
  return { payee: i.payee, reference: i.reference, key: i.key, amountMillimes: i.amountMillimes, customer: i.customer, period: i.period, dueDate: i.dueDate };
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

