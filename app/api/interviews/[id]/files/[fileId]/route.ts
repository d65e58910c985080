import { getActor } from "@/lib/auth/session";
import { edge } from "@/lib/http/edge";
import { bookingFileResponse } from "@/lib/interviews/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A document attached to a booking, to the booking's participants only (404 to everyone else, so ids cannot be probed). */
export const GET = edge({}, async (_request: Request, ctx: RouteContext<"/api/interviews/[id]/files/[fileId]">) => {
  const { id, fileId } = await ctx.params;
  return bookingFileResponse({ actor: await getActor(), bookingId: id, fileId });
});
