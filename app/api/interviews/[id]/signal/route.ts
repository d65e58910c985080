import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { edge, readJson } from "@/lib/http/edge";
import { enterRoom, sendSignal } from "@/lib/interviews/room";

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
export const POST = edge({ maxBytes: 64_000 }, async (req: Request, ctx: RouteContext<"/api/interviews/[id]/signal">) => {
  const { id } = await ctx.params;
  const actor = await requireActor();
  const signal = await readJson(req, body);
  const access = await enterRoom({ actor, bookingId: id });
  await sendSignal({ access, userId: actor.userId, fromPeer: signal.peer, to: signal.to, kind: signal.kind, payload: signal.payload ?? null });
  return new Response(null, { status: 204 });
});
