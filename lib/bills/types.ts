import type { BillerId } from "./billers";

export type BillStatus = "unpaid" | "paid" | "overdue";

export type Bill = {
  biller: BillerId;
  reference: string;
  contract: string;
  /** Partly masked: "Fa*** B** A**". */
  customer: string;
  /** YYYY-MM-DD/YYYY-MM-DD */
  period: string;
  amountMillimes: number;
  /** YYYY-MM-DD */
  dueDate: string;
  status: BillStatus;
};

export type PaymentNotice = { reference: string; amountMillimes: number; paymentReference: string; paidAt: Date };
export type NoticeOutcome = "accepted" | "alreadyPaid" | "rejected";

/** One biller's API. Throws BillerUnavailable when it cannot be reached. */
export interface BillerAdapter {
  readonly id: BillerId;
  lookupBill(input: { reference: string; key: string | null }): Promise<Bill | null>;
  listContractBills(input: { contract: string; key: string | null }): Promise<Bill[] | null>;
  notifyPayment(notice: PaymentNotice): Promise<NoticeOutcome>;
}

export class BillerUnavailable extends Error {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super(message, opts);
    this.name = "BillerUnavailable";
  }
}
