import "server-only";
import { billerAdapters } from "@/lib/bills/adapters";
import { billersAsPayees } from "@/lib/bills/payee";
import { paymentDeps } from "@/lib/payments/context";
import type { PaymentDeps } from "@/lib/payments/deps";

/**
 * Bills and payments are two domains that never import each other: this is where the app joins
 * them — billers are the payees of payments.
 */
export function paymentsWithBillers(): Promise<PaymentDeps> {
  return paymentDeps({ payees: billersAsPayees(billerAdapters()) });
}

export { billerAdapters };
