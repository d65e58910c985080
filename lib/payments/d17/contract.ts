import { z } from "zod";

/** The messages of docs/contracts/d17-request-to-pay.md, shared by the adapter and the simulator. */
export const d17Status = z.enum(["pending", "paid", "declined", "expired", "refunded"]);
export const d17Reason = z.enum(["refused_by_payer", "insufficient_funds", "expired", "cancelled_by_merchant"]).nullable();

export const createRequestBody = z.object({
  merchantReference: z.string().min(1).max(64),
  amount: z.number().int().min(1).max(100_000_000),
  currency: z.literal("TND"),
  payerPhone: z.string().regex(/^\+216\d{8}$/),
  description: z.string().max(140),
  callbackUrl: z.url(),
  expiresInSeconds: z.number().int().min(60).max(3600),
});
export type CreateRequestBody = z.infer<typeof createRequestBody>;

export const paymentRequest = z.object({
  id: z.string().min(1),
  merchantReference: z.string(),
  amount: z.number().int(),
  currency: z.literal("TND"),
  description: z.string(),
  status: d17Status,
  reason: d17Reason,
  payerPhoneMasked: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  updatedAt: z.string(),
  paidAt: z.string().nullable(),
  transactionId: z.string().nullable(),
});
export type PaymentRequest = z.infer<typeof paymentRequest>;

export const paymentRequestList = z.object({ items: z.array(paymentRequest), nextCursor: z.string().nullable() });

export const callbackBody = z.object({
  eventId: z.string().min(1),
  type: z.literal("payment_request.updated"),
  paymentRequestId: z.string().min(1),
  merchantReference: z.string(),
  status: d17Status,
  occurredAt: z.string(),
});
export type CallbackBody = z.infer<typeof callbackBody>;

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string().optional(), field: z.string().optional() }) });

export const HEADER_TIMESTAMP = "d17-timestamp";
export const HEADER_SIGNATURE = "d17-signature";
