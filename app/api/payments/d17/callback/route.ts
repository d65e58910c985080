import { NextResponse } from "next/server";
import { edge, readText } from "@/lib/http/edge";
import { handleGatewayCallback } from "@/lib/payments/callback";
import { paymentsWithBillers } from "@/app/_payments/wiring";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * D17's callbacks (docs/contracts/d17-request-to-pay.md). The signature covers the raw bytes, so
 * the body is read as text, never parsed before it is checked. Idempotent: a callback only makes
 * us ask D17, and a payment only moves forward.
 */
export const POST = edge({ origin: "any", maxBytes: 16 * 1024 }, async (req: Request) => {
  const raw = await readText(req);
  const answer = await handleGatewayCallback({ deps: await paymentsWithBillers(), rawBody: raw, headers: req.headers });
  return NextResponse.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
});
