import { edge } from "@/lib/http/edge";
import { eventsResponse } from "@/lib/calls/routes";
import { enterRoom } from "@/lib/interviews/room";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The interview call's event stream (server-sent events) for one participant's page (lib/calls). */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/interviews/[id]/events">) => {
  const { id } = await ctx.params;
  return eventsResponse(req, id, async (actor, bookingId) => (await enterRoom({ actor, bookingId })).access);
});
