import "server-only";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { settleDuePayments } from "@/lib/payments/settle";
import { paymentsWithBillers } from "./wiring";
import { log } from "@/lib/log";

/**
 * Settles payments nobody is watching (the citizen closed the page, a callback was lost, D17
 * was down) and tells billers of paid ones, every PAYMENT_SETTLE_INTERVAL_SECONDS. Each run
 * claims its rows with FOR UPDATE SKIP LOCKED, so several app instances share the work.
 */
export function startSettleJob(): void {
  every("payments.settle", env().PAYMENT_SETTLE_INTERVAL_SECONDS, async () => {
    const r = await settleDuePayments({ deps: await paymentsWithBillers() });
    if (r.checked > 0) log.info("payments.checked", { checked: r.checked, moved: r.moved });
  });
}
