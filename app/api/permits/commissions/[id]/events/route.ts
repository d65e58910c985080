import { edge } from "@/lib/http/edge";
import { eventsResponse } from "@/lib/calls/routes";
import { enterCommissionRoom } from "@/lib/permits/commission-room";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A permit commission meeting's event stream (server-sent events) for one member's page (lib/calls). */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/permits/commissions/[id]/events">) => {
  const { id } = await ctx.params;
  return eventsResponse(req, id, (actor, sessionId) => enterCommissionRoom({ actor, sessionId }));
});
