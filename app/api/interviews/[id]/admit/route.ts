import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { admitToRoom, enterRoom } from "@/lib/interviews/room";
import { assertSameOrigin, errorResponse } from "@/lib/interviews/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const body = z.object({ userId: z.uuid() });

/** The official lets a waiting participant into the call. */
export async function POST(req: Request, ctx: RouteContext<"/api/interviews/[id]/admit">) {
  try {
    assertSameOrigin(req);
    const { id } = await ctx.params;
    const actor = await requireActor({ roles: ["official"] });
    const parsed = body.safeParse(await req.json().catch(() => null));
    if (!parsed.success) throw new AppError("validation");
    const access = await enterRoom({ actor, bookingId: id });
    await admitToRoom({ access, actor, userId: parsed.data.userId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
