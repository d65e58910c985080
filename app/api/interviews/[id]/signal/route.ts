import { edge } from "@/lib/http/edge";
import { signalResponse } from "@/lib/calls/routes";
import { enterRoom } from "@/lib/interviews/room";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One signaling message of the interview's call (lib/calls). */
export const POST = edge({ maxBytes: 64_000 }, async (req: Request, ctx: RouteContext<"/api/interviews/[id]/signal">) => {
  const { id } = await ctx.params;
  return signalResponse(req, id, async (actor, bookingId) => (await enterRoom({ actor, bookingId })).access);
});
