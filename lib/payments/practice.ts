import "server-only";
import { normalisePhone } from "@/lib/auth/phone";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { d17Gateway } from "./context";
import type { Db } from "@/lib/db/open";
import { AppError } from "@/lib/errors";
import { addPracticeItem, getPracticeItem, listPracticeItems, updatePracticeItem } from "@/lib/practice/store";
import { isGatewayError, type PaymentGateway } from "./gateway";
import type { GatewayStatus } from "./states";

/**
 * A D17 payment made in practice: the real gateway adapter talks to D17 (the simulator in
 * development, demos and tests) with a PRACTICE- merchant reference, and the payer approves or
 * refuses in their D17 app as they would for real. Nothing is written to payments, their items or
 * the ledger: the request is recorded in the practice store only, its callbacks are acknowledged
 * and ignored (callback.ts), and reconciliation leaves PRACTICE- references out (reconcile.ts).
 * The practice bill is made up: no biller is asked or told.
 */
export const PRACTICE_BILL = { payee: "steg", reference: "PRACTICE", amountMillimes: 12_500 } as const;

export type PracticePayment = { reference: string; gatewayPaymentId: string | null; amountMillimes: number; status: GatewayStatus | "notSent"; payerPhone: string };

export async function startPracticePayment(opts: { db: Db; gateway: PaymentGateway; runId: string; payerPhone: string; idempotencyKey: string; expirySeconds: number; now: Date }): Promise<PracticePayment> {
  const parsed = normalisePhone(opts.payerPhone);
  if (!parsed.ok) throw new AppError("validation", { fields: { payerPhone: "Pay.errors.phoneInvalid" } });
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(opts.idempotencyKey)) throw new AppError("validation", { messageKey: "Pay.errors.reload" });
  // The same form sent twice: the same practice payment.
  const again = (await listPracticeItems({ db: opts.db, runId: opts.runId })).find((i) => i.kind === "payment" && i.data.idempotencyKey === opts.idempotencyKey);
  if (again?.data.payment) return again.data.payment as PracticePayment;
  // Sent again after D17 did not answer: the same reference and key, so D17 finds its request again.
  const item = again ?? (await addPracticeItem({ db: opts.db, runId: opts.runId, kind: "payment", data: { idempotencyKey: opts.idempotencyKey }, now: opts.now }));
  let payment: PracticePayment = { reference: item.reference, gatewayPaymentId: null, amountMillimes: PRACTICE_BILL.amountMillimes, status: "notSent", payerPhone: parsed.e164 };
  try {
    const gp = await opts.gateway.createPayment({
      idempotencyKey: `practice-${opts.idempotencyKey}`,
      merchantReference: item.reference,
      amountMillimes: PRACTICE_BILL.amountMillimes,
      payerPhone: parsed.e164,
      description: `Idarti PRACTICE ${item.reference}`,
      expiresInSeconds: opts.expirySeconds,
    });
    payment = { ...payment, gatewayPaymentId: gp.id, status: gp.status };
  } catch (error) {
    if (isGatewayError(error, "payerUnknown")) {
      await updatePracticeItem({ db: opts.db, runId: opts.runId, reference: item.reference, data: { idempotencyKey: opts.idempotencyKey, payment: { ...payment, status: "declined" } } });
      throw new AppError("validation", { fields: { payerPhone: "Practice.errors.noWallet" } });
    }
    throw new AppError("unavailable", { cause: error });
  }
  await updatePracticeItem({ db: opts.db, runId: opts.runId, reference: item.reference, data: { idempotencyKey: opts.idempotencyKey, payment } });
  return payment;
}

/** Asks D17 where the practice payment stands (the gateway's answer is the truth, as for real). */
export async function practicePaymentStatus(opts: { db: Db; gateway: PaymentGateway; runId: string; reference: string }): Promise<PracticePayment | null> {
  const item = await getPracticeItem({ db: opts.db, runId: opts.runId, reference: opts.reference });
  const payment = item?.kind === "payment" ? (item.data.payment as PracticePayment | undefined) : undefined;
  if (!item || !payment) return null;
  if (!payment.gatewayPaymentId || payment.status !== "pending") return payment;
  const gp = await opts.gateway.getPayment(payment.gatewayPaymentId).catch(() => null);
  if (!gp || gp.status === payment.status) return payment;
  const next = { ...payment, status: gp.status };
  await updatePracticeItem({ db: opts.db, runId: opts.runId, reference: opts.reference, data: { ...item.data, payment: next } });
  return next;
}

/** At the end of a practice, a request still pending at D17 is cancelled (nobody can approve it later). */
export async function cancelPracticePayments(opts: { db: Db; gateway: PaymentGateway; runId: string }): Promise<void> {
  for (const item of await listPracticeItems({ db: opts.db, runId: opts.runId })) {
    const p = item.data.payment as PracticePayment | undefined;
    if (item.kind === "payment" && p?.gatewayPaymentId && p.status === "pending") await opts.gateway.cancelPayment(p.gatewayPaymentId).catch(() => null);
  }
}

/** For the practice pages and actions: the app's database, clock and D17 gateway. */
export async function payInPractice(opts: { runId: string; payerPhone: string; idempotencyKey: string }) {
  const { db } = await getDb();
  return startPracticePayment({ db, gateway: d17Gateway(), ...opts, expirySeconds: env().PAYMENT_EXPIRY_SECONDS, now: await now() });
}

export async function practicePayment(opts: { runId: string; reference: string }) {
  const { db } = await getDb();
  return practicePaymentStatus({ db, gateway: d17Gateway(), ...opts });
}

export async function endPracticePayments(runId: string) {
  const { db } = await getDb();
  await cancelPracticePayments({ db, gateway: d17Gateway(), runId });
}
