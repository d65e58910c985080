import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { edge, readJson } from "@/lib/http/edge";
import { admitToRoom, enterRoom } from "@/lib/interviews/room";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const body = z.object({ userId: z.uuid() });

/** The official lets a waiting participant into the call. */
export const POST = edge({}, async (req: Request, ctx: RouteContext<"/api/interviews/[id]/admit">) => {
  const { id } = await ctx.params;
  const actor = await requireActor({ roles: ["official"] });
  const { userId } = await readJson(req, body);
  const room = await enterRoom({ actor, bookingId: id });
  await admitToRoom({ room, actor, userId });
  return new Response(null, { status: 204 });
});
