import type { z } from "zod";
import { GatewayError, type CallbackNotice, type CreatePaymentInput, type GatewayPayment, type PaymentGateway } from "../gateway";
import { callbackBody, errorBody, HEADER_SIGNATURE, HEADER_TIMESTAMP, paymentRequest, paymentRequestList, type PaymentRequest } from "./contract";
import { checkCallbackSignature } from "./signature";

/**
 * The D17 gateway over HTTP, as docs/contracts/d17-request-to-pay.md describes it. Pointing it
 * at La Poste's service instead of the simulator is configuration only.
 */
export type D17Config = {
  apiUrl: string;
  merchantId: string;
  apiKey: string;
  webhookSecret: string;
  callbackUrl: string;
  timeoutMs: number;
};

export function createD17Gateway(config: D17Config): PaymentGateway {
  const base = config.apiUrl.replace(/\/$/, "");

  async function call<S extends z.ZodType>(method: string, path: string, schema: S, opts: { body?: unknown; idempotencyKey?: string } = {}): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          "d17-merchant": config.merchantId,
          accept: "application/json",
          ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
          ...(opts.idempotencyKey ? { "idempotency-key": opts.idempotencyKey } : {}),
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
        cache: "no-store",
      });
    } catch (error) {
      // Refused, reset, timed out: we do not know what happened at D17.
      throw new GatewayError("unavailable", `D17 ${method} ${path}: ${(error as Error).message}`, { cause: error });
    }
    const text = await res.text().catch(() => "");
    const json = parseJson(text);
    if (res.ok) {
      const parsed = schema.safeParse(json);
      // A 2xx means D17 did what we asked (a creation may now be a live request the payer can
      // approve); only its answer is unreadable. That is an unknown outcome, never a refusal:
      // the status query (by merchant reference) decides later.
      if (!parsed.success) throw new GatewayError("unavailable", `D17 ${method} ${path}: HTTP ${res.status} answer does not match the contract`);
      return parsed.data;
    }
    const code = errorBody.safeParse(json).data?.error.code ?? "";
    if (res.status >= 500 || res.status === 429) throw new GatewayError("unavailable", `D17 ${method} ${path}: HTTP ${res.status} ${code}`);
    if (code === "payer_not_found") throw new GatewayError("payerUnknown", "no D17 account for this phone");
    if (code === "not_found") throw new GatewayError("notFound", `D17 ${method} ${path}: not found`);
    // The key is already held by a request at D17 (with another body): that request may be live.
    if (code === "idempotency_conflict") throw new GatewayError("unavailable", `D17 ${method} ${path}: HTTP ${res.status} ${code}`);
    throw new GatewayError("rejected", `D17 ${method} ${path}: HTTP ${res.status} ${code}`);
  }

  return {
    id: "d17",
    async createPayment(input: CreatePaymentInput) {
      const r = await call("POST", "/v1/payment-requests", paymentRequest, {
        idempotencyKey: input.idempotencyKey,
        body: {
          merchantReference: input.merchantReference,
          amount: input.amountMillimes,
          currency: "TND",
          payerPhone: input.payerPhone,
          description: input.description.slice(0, 140),
          callbackUrl: config.callbackUrl,
          expiresInSeconds: input.expiresInSeconds,
        },
      });
      return toGatewayPayment(r);
    },
    async getPayment(id) {
      return toGatewayPayment(await call("GET", `/v1/payment-requests/${encodeURIComponent(id)}`, paymentRequest));
    },
    async findByMerchantReference(ref) {
      const r = await call("GET", `/v1/payment-requests?merchantReference=${encodeURIComponent(ref)}`, paymentRequestList);
      return r.items.map(toGatewayPayment);
    },
    async listPaymentsOfDay(day) {
      const out: GatewayPayment[] = [];
      let cursor: string | null = null;
      // Bounded: 200 pages of 1000 is far more than a day of Idarti payments.
      for (let page = 0; page < 200; page++) {
        const q: string = `/v1/payment-requests?date=${encodeURIComponent(day)}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const r: z.infer<typeof paymentRequestList> = await call("GET", q, paymentRequestList);
        out.push(...r.items.map(toGatewayPayment));
        cursor = r.nextCursor;
        if (!cursor) break;
      }
      return out;
    },
    async cancelPayment(id) {
      return toGatewayPayment(await call("POST", `/v1/payment-requests/${encodeURIComponent(id)}/cancel`, paymentRequest));
    },
    async refundPayment(id, idempotencyKey) {
      return toGatewayPayment(await call("POST", `/v1/payment-requests/${encodeURIComponent(id)}/refund`, paymentRequest, { idempotencyKey }));
    },
    verifyCallback({ rawBody, headers, nowMs }): CallbackNotice {
      const check = checkCallbackSignature({
        secret: config.webhookSecret,
        rawBody,
        timestamp: headers.get(HEADER_TIMESTAMP),
        signature: headers.get(HEADER_SIGNATURE),
        nowMs,
      });
      if (!check.ok) throw new GatewayError("badCallback", check.problem);
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new GatewayError("badCallback", "body is not JSON");
      }
      const parsed = callbackBody.safeParse(json);
      if (!parsed.success) throw new GatewayError("badCallback", "body does not match the contract");
      return { gatewayPaymentId: parsed.data.paymentRequestId, merchantReference: parsed.data.merchantReference, status: parsed.data.status, eventId: parsed.data.eventId };
    },
  };
}

function toGatewayPayment(r: PaymentRequest): GatewayPayment {
  return {
    id: r.id,
    merchantReference: r.merchantReference,
    amountMillimes: r.amount,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    paidAt: r.paidAt,
    transactionId: r.transactionId,
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
