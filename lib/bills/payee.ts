import { isBillerId, normalizeDigits } from "./billers";
import { BillerUnavailable } from "./types";
import type { BillerAdapters } from "./adapters";

/**
 * Billers as payees of payments: matches lib/payments/payee.ts `Payees` by shape (a domain does
 * not import another; the app layer hands this to payments).
 */
export function billersAsPayees(adapters: BillerAdapters) {
  return {
    async confirm(item: { payee: string; reference: string; key: string | null; amountMillimes: number }) {
      if (!isBillerId(item.payee)) return { ok: false as const, problem: "notFound" as const };
      const bill = await adapters[item.payee].lookupBill({ reference: normalizeDigits(item.reference), key: item.key });
      if (!bill) return { ok: false as const, problem: "notFound" as const };
      const payable = {
        payee: bill.biller,
        reference: bill.reference,
        key: item.key,
        amountMillimes: bill.amountMillimes,
        customer: bill.customer,
        period: bill.period,
        dueDate: bill.dueDate,
      };
      if (bill.status === "paid") return { ok: false as const, problem: "paid" as const, item: payable };
      if (bill.amountMillimes !== item.amountMillimes) return { ok: false as const, problem: "amountChanged" as const, item: payable };
      return { ok: true as const, item: payable };
    },
    async notifyPaid(input: { payee: string; reference: string; amountMillimes: number; paymentReference: string; paidAt: Date }) {
      if (!isBillerId(input.payee)) return "rejected" as const;
      return adapters[input.payee].notifyPayment({ reference: input.reference, amountMillimes: input.amountMillimes, paymentReference: input.paymentReference, paidAt: input.paidAt });
    },
  };
}

export { BillerUnavailable };
