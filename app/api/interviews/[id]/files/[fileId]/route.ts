import { getActor } from "@/lib/auth/session";
import { isAppError, toAppError } from "@/lib/errors";
import { bookingFileResponse } from "@/lib/interviews/service";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A document attached to a booking, to the booking's participants only (404 to everyone else, so ids cannot be probed). */
export async function GET(_request: Request, ctx: RouteContext<"/api/interviews/[id]/files/[fileId]">) {
  const { id, fileId } = await ctx.params;
  try {
    return await bookingFileResponse({ actor: await getActor(), bookingId: id, fileId });
  } catch (error) {
    const e = toAppError(error);
    if (!isAppError(error)) console.error("interview file serving failed", error);
    return new Response(null, { status: e.status, headers: { "Cache-Control": "no-store" } });
  }
}
