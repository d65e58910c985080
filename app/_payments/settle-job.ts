import "server-only";
import { env } from "@/lib/env";
import { settleDuePayments } from "@/lib/payments/settle";
import { paymentsWithBillers } from "./wiring";

const KEY = Symbol.for("idarti.payments.settleJob");
type Holder = { [KEY]?: NodeJS.Timeout };

/**
 * Settles payments nobody is watching (the citizen closed the page, a callback was lost, D17
 * was down) and tells billers of paid ones, every PAYMENT_SETTLE_INTERVAL_SECONDS. Each run
 * claims its rows with FOR UPDATE SKIP LOCKED, so several app instances share the work.
 */
export function startSettleJob(): void {
  const seconds = env().PAYMENT_SETTLE_INTERVAL_SECONDS;
  const holder = globalThis as Holder;
  if (seconds === 0 || holder[KEY]) return;
  let running = false;
  holder[KEY] = setInterval(() => {
    if (running) return;
    running = true;
    paymentsWithBillers()
      .then((deps) => settleDuePayments({ deps }))
      .then((r) => {
        if (r.checked > 0) console.info(`payments: checked ${r.checked}, moved ${r.moved}`);
      })
      .catch((error: unknown) => console.error("payments settle job", error))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  holder[KEY].unref();
}
