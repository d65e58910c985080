import { edge } from "@/lib/http/edge";
import { signalResponse } from "@/lib/calls/routes";
import { enterCommissionRoom } from "@/lib/permits/commission-room";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One signaling message of a permit commission's meeting (lib/calls). */
export const POST = edge({ maxBytes: 64_000 }, async (req: Request, ctx: RouteContext<"/api/permits/commissions/[id]/signal">) => {
  const { id } = await ctx.params;
  return signalResponse(req, id, (actor, sessionId) => enterCommissionRoom({ actor, sessionId }));
});
