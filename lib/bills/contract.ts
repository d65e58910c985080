import { z } from "zod";

/** The messages of docs/contracts/billers.md, shared by the adapter and the biller simulator. */
export const billBody = z.object({
  biller: z.string(),
  reference: z.string(),
  contract: z.string(),
  customerName: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  amount: z.number().int().min(0),
  currency: z.literal("TND"),
  dueDate: z.iso.date(),
  status: z.enum(["unpaid", "paid", "overdue"]),
});
export type BillBody = z.infer<typeof billBody>;

export const contractBillsBody = z.object({ contract: z.string(), bills: z.array(billBody) });

export const paymentNoticeBody = z.object({
  paymentReference: z.string().min(1).max(64),
  amount: z.number().int().min(1),
  currency: z.literal("TND"),
  paidAt: z.iso.datetime({ offset: true }),
  channel: z.string().min(1).max(40),
});

export const paymentNoticeAnswer = z.object({ status: z.enum(["accepted"]), paymentReference: z.string() });
