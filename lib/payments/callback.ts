import "server-only";
import { and, eq } from "drizzle-orm";
import { payments } from "@/lib/db/schema";
import type { PaymentDeps } from "./deps";
import { isGatewayError } from "./gateway";
import { isPracticeReference } from "@/lib/practice/token";
import { fulfilPayment, settlePayment } from "./settle";
import { log } from "@/lib/log";

export type CallbackAnswer = { status: number; body: { received: boolean; error?: string } };

/**
 * A gateway callback: authentic and fresh, or 401 and nothing changes. An authentic callback is
 * only a reason to ask the gateway (settlePayment): its body never moves a payment, so a replay,
 * a duplicate or an old event arriving last cannot move one backwards.
 */
export async function handleGatewayCallback(opts: { deps: PaymentDeps; rawBody: string; headers: Headers; nowMs?: number }): Promise<CallbackAnswer> {
  const { deps } = opts;
  let notice;
  try {
    notice = deps.gateway.verifyCallback({ rawBody: opts.rawBody, headers: opts.headers, nowMs: opts.nowMs ?? Date.now() });
  } catch (error) {
    if (isGatewayError(error, "badCallback")) return { status: 401, body: { received: false, error: "invalid_signature" } };
    throw error;
  }
  // A practice payment (lib/payments/practice.ts): authentic, acknowledged, and never a payment of ours.
  if (isPracticeReference(notice.merchantReference)) return { status: 200, body: { received: true } };
  const [byId] = await deps.db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.gateway, deps.gateway.id), eq(payments.gatewayPaymentId, notice.gatewayPaymentId)));
  const [byRef] = byId ? [byId] : await deps.db.select({ id: payments.id }).from(payments).where(eq(payments.reference, notice.merchantReference));
  // Unknown to us (yet): 404 so that the gateway sends it again later.
  if (!byRef) return { status: 404, body: { received: false, error: "unknown_payment" } };
  const state = await settlePayment({ deps, paymentId: byRef.id, source: "callback", force: true });
  if (state === "paid") await fulfilPayment({ deps, paymentId: byRef.id }).catch((e: unknown) => log.error("payment.fulfilAfterCallback", e, { payment: byRef.id }));
  return { status: 200, body: { received: true } };
}
