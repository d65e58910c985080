import { requireActor } from "@/lib/auth/session";
import { enterRoom } from "@/lib/interviews/room";
import { roomEventStream } from "@/lib/interviews/event-stream";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const PEER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The call's event stream (server-sent events) for one participant's page. */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/interviews/[id]/events">) => {
  const { id } = await ctx.params;
  const actor = await requireActor();
  const access = await enterRoom({ actor, bookingId: id });
  const peerId = new URL(req.url).searchParams.get("peer") ?? "";
  if (!PEER.test(peerId)) throw new AppError("badRequest");
  const last = Number(req.headers.get("last-event-id") ?? "");
  const stream = await roomEventStream({ access, userId: actor.userId, peerId, lastEventId: Number.isSafeInteger(last) && last > 0 ? last : null, abort: req.signal });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform, private",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
