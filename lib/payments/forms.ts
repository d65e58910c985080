import { z } from "zod";
import { text } from "@/lib/text/input";

/**
 * What the payment forms send, as zod schemas (messages are message keys). A plain module: the
 * server actions (app/[locale]/(citizen)/pay/actions.ts) parse with these, and the form kit checks
 * the same answers on the phone (components/forms/schemas.ts).
 */

/** Pay a bill that is not saved: its biller, reference and (some billers) key. */
export const findBillSchema = z.object({
  biller: text({ error: "Bills.errors.billerRequired" }).min(1, "Bills.errors.billerRequired"),
  reference: text().default(""),
  key: text().optional(),
});

/** "My bills": the saved bills ticked to pay together ("biller:contract:reference"). */
export const chooseBillsSchema = z.object({
  bills: z.union([z.string(), z.array(z.string())], { error: "Pay.errors.chooseBill" }).transform((v) => (Array.isArray(v) ? v : [v])),
});

/** The check page: the number of the D17 wallet that pays, under the attempt's idempotency key. */
export const paySchema = z.object({
  checkoutId: z.uuid(),
  payerPhone: text().trim().min(1, "Pay.errors.phoneInvalid"),
  idempotencyKey: z.string().min(16).max(100),
});

/** "I have approved: check now". */
export const checkNowSchema = z.object({ paymentId: z.uuid() });
