/**
 * What payments need from whoever is being paid (billers today; municipal fees later), without
 * knowing who they are: the app layer passes an implementation in (lib/bills/payee.ts), so this
 * domain never imports another.
 */
export type PayableItem = {
  /** Who is paid, e.g. "steg". */
  payee: string;
  /** The payee's reference of what is paid (a bill reference). */
  reference: string;
  /** The payee's key (المفتاح) where it uses one. Never stored with the payment. */
  key: string | null;
  amountMillimes: number;
  /** The customer's name as the payee shows it, partly masked. */
  customer: string;
  /** Billing period as the payee writes it (e.g. "2026-01-01/2026-02-28"), if any. */
  period: string | null;
  /** YYYY-MM-DD, if any. */
  dueDate: string | null;
};

export type ItemCheck =
  | { ok: true; item: PayableItem }
  | { ok: false; problem: "paid" | "notFound" | "amountChanged"; item?: PayableItem };

export type NotifyOutcome = "accepted" | "alreadyPaid" | "rejected";

export interface Payees {
  /** Asks the payee again just before money moves: still to pay, same amount? Throws when unreachable. */
  confirm(item: Pick<PayableItem, "payee" | "reference" | "key" | "amountMillimes">): Promise<ItemCheck>;
  /** Tells the payee it was paid. Idempotent by paymentReference. Throws when unreachable (retried later). */
  notifyPaid(input: { payee: string; reference: string; amountMillimes: number; paymentReference: string; paidAt: Date }): Promise<NotifyOutcome>;
}
