import "server-only";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { documentSigningKey } from "@/lib/documents/keys";
import { env } from "@/lib/env";
import { createD17Gateway } from "./d17/adapter";
import { DEMO_D17_API_KEY, DEMO_D17_WEBHOOK_SECRET } from "./d17/demo";
import type { PaymentDeps } from "./deps";
import type { PaymentGateway } from "./gateway";
import type { Payees } from "./payee";


let gateway: PaymentGateway | undefined;

export function d17Gateway(): PaymentGateway {
  if (!gateway) {
    const e = env();
    gateway = createD17Gateway({
      apiUrl: e.D17_API_URL,
      merchantId: e.D17_MERCHANT_ID,
      apiKey: e.D17_API_KEY ?? DEMO_D17_API_KEY,
      webhookSecret: e.D17_WEBHOOK_SECRET ?? DEMO_D17_WEBHOOK_SECRET,
      callbackUrl: e.D17_CALLBACK_URL ?? `${e.APP_URL.replace(/\/$/, "")}/api/payments/d17/callback`,
      timeoutMs: e.D17_TIMEOUT_MS,
    });
  }
  return gateway;
}

/** The payments of this app: configured gateway, database, clock and key; payees from the caller. */
export async function paymentDeps(opts: { payees: Payees }): Promise<PaymentDeps> {
  const e = env();
  const { db } = await getDb();
  return {
    db,
    gateway: d17Gateway(),
    payees: opts.payees,
    now,
    signingKey: documentSigningKey(),
    settings: { expirySeconds: e.PAYMENT_EXPIRY_SECONDS, feeMillimes: e.PAYMENT_FEE_MILLIMES, appUrl: e.APP_URL },
  };
}
