import "server-only";
import type { PaymentDeps } from "./deps";
import type { PayableItem } from "./payee";

/** A bill as payments need it (the app passes bills in; payments does not know the bills domain). */
export function payableFrom(bill: { biller: string; reference: string; key: string | null; amountMillimes: number; customer: string; period: string; dueDate: string }): PayableItem {
  return { payee: bill.biller, reference: bill.reference, key: bill.key, amountMillimes: bill.amountMillimes, customer: bill.customer, period: bill.period, dueDate: bill.dueDate };
}

export type { PaymentDeps };
