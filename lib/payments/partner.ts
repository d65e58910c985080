import "server-only";
import { and, eq } from "drizzle-orm";
import { paymentItems, payments } from "@/lib/db/schema";
import { log } from "@/lib/log";
import type { PaymentDeps } from "./deps";
import { fulfilPayment, settlePayment } from "./settle";
import type { PaymentState } from "./states";

/**
 * A biller body says, through the partner API (lib/partner-api), that the payment of its bills
 * reached it. Like a D17 callback (callback.ts) its word moves nothing by itself: it is a reason
 * to ask the gateway now, and the payment then moves forward only (states.ts), so a repeated or
 * mistaken confirmation changes nothing. Null when the payment has no bill of this payee: another
 * body's payments are not found, whatever exists.
 */
export async function confirmByPayee(opts: { deps: PaymentDeps; payee: string; reference: string }): Promise<{
  reference: string;
  state: PaymentState;
  items: { reference: string; amountMillimes: number }[];
} | null> {
  const { deps } = opts;
  const [p] = await deps.db.select({ id: payments.id, reference: payments.reference }).from(payments).where(eq(payments.reference, opts.reference));
  if (!p) return null;
  const items = await deps.db
    .select({ reference: paymentItems.reference, amountMillimes: paymentItems.amountMillimes })
    .from(paymentItems)
    .where(and(eq(paymentItems.paymentId, p.id), eq(paymentItems.payee, opts.payee)));
  if (items.length === 0) return null;
  const state = await settlePayment({ deps, paymentId: p.id, source: "partner-confirmation", force: true });
  if (state === "paid") await fulfilPayment({ deps, paymentId: p.id }).catch((e: unknown) => log.error("payments.partnerFulfilFailed", e, { paymentId: p.id }));
  return { reference: p.reference, state, items };
}
