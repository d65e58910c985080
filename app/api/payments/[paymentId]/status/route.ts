import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { edge } from "@/lib/http/edge";
import { refreshPayment } from "@/lib/payments/queries";
import { paymentsWithBillers } from "@/app/_payments/wiring";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Polled by the waiting page: asks D17 (throttled) and answers the payment's state. */
export const GET = edge({}, async (_req: Request, ctx: RouteContext<"/api/payments/[paymentId]/status">) => {
  const { paymentId } = await ctx.params;
  const actor = await requireActor({ roles: ["citizen"] });
  const p = await refreshPayment({ deps: await paymentsWithBillers(), userId: actor.userId, paymentId });
  return NextResponse.json(
    { state: p.state, reason: p.reason, expiresAt: p.expiresAt.toISOString(), now: (await now()).toISOString(), gatewayUnreachable: p.gatewayUnreachable },
    { headers: { "cache-control": "private, no-store" } },
  );
});
