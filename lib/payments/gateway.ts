import type { GatewayStatus } from "./states";

/**
 * What a payment gateway must offer Idarti (D17 today; another e-Dinar gateway tomorrow). The
 * gateway's status query is the truth; callbacks only tell us when to ask.
 */
export type GatewayReason = "refused_by_payer" | "insufficient_funds" | "expired" | "cancelled_by_merchant" | null;

export type GatewayPayment = {
  id: string;
  merchantReference: string;
  amountMillimes: number;
  status: GatewayStatus;
  reason: GatewayReason;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  transactionId: string | null;
};

export type CreatePaymentInput = {
  idempotencyKey: string;
  merchantReference: string;
  amountMillimes: number;
  payerPhone: string;
  description: string;
  expiresInSeconds: number;
};

export type CallbackNotice = { gatewayPaymentId: string; merchantReference: string; status: GatewayStatus; eventId: string };

export interface PaymentGateway {
  readonly id: string;
  /** Creates (or, with the same idempotency key, finds again) a request-to-pay. */
  createPayment(input: CreatePaymentInput): Promise<GatewayPayment>;
  getPayment(gatewayPaymentId: string): Promise<GatewayPayment>;
  findByMerchantReference(merchantReference: string): Promise<GatewayPayment[]>;
  /** Every request created on a day (Africa/Tunis), for reconciliation. */
  listPaymentsOfDay(day: string): Promise<GatewayPayment[]>;
  /** Ends a pending request; answers the request in its final state (paid if the payer was quicker). */
  cancelPayment(gatewayPaymentId: string): Promise<GatewayPayment>;
  refundPayment(gatewayPaymentId: string, idempotencyKey: string): Promise<GatewayPayment>;
  /** Checks a callback's signature and freshness over its raw bytes; throws GatewayError("badCallback") otherwise. */
  verifyCallback(input: { rawBody: string; headers: Headers; nowMs: number }): CallbackNotice;
}

/**
 * Failures of the gateway, by what the caller must do about them:
 * - `payerUnknown`: no wallet for this phone (the citizen corrects the number),
 * - `rejected`: the gateway refused the request as such and holds nothing for it (a bug or a
 *   contract change: log it),
 * - `unavailable`: down, refused, timed out, or answered 2xx with a body we cannot read — the
 *   outcome is unknown (a live request may exist), ask again later,
 * - `badCallback`: a callback that is not authentic or too old.
 */
export type GatewayErrorKind = "payerUnknown" | "rejected" | "unavailable" | "notFound" | "badCallback";

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  constructor(kind: GatewayErrorKind, message: string, opts: { cause?: unknown } = {}) {
    super(message, opts);
    this.name = "GatewayError";
    this.kind = kind;
  }
}

export function isGatewayError(error: unknown, kind?: GatewayErrorKind): error is GatewayError {
  return error instanceof GatewayError && (kind === undefined || error.kind === kind);
}
