import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { enterRoom, sendSignal } from "@/lib/interviews/room";
import { assertSameOrigin, errorResponse } from "@/lib/interviews/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const uuid = z.uuid();
const body = z.object({
  peer: uuid,
  to: uuid.nullable(),
  kind: z.enum(["offer", "answer", "candidate", "bye", "state"]),
  payload: z.unknown(),
});

/** One signaling message from a participant's page to another (or to all: `to: null`). */
export async function POST(req: Request, ctx: RouteContext<"/api/interviews/[id]/signal">) {
  try {
    assertSameOrigin(req);
    const { id } = await ctx.params;
    const actor = await requireActor();
    const raw = await req.text();
    if (raw.length > 64_000) throw new AppError("validation");
    const parsed = body.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new AppError("validation");
    const access = await enterRoom({ actor, bookingId: id });
    await sendSignal({ access, userId: actor.userId, fromPeer: parsed.data.peer, to: parsed.data.to, kind: parsed.data.kind, payload: parsed.data.payload ?? null });
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof SyntaxError) return errorResponse(new AppError("validation"));
    return errorResponse(error);
  }
}
