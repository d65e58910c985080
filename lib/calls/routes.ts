import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/edge";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { roomEventStream } from "./event-stream";
import { sendSignal, type RoomAccess } from "./room";

/**
 * The two HTTP ends of every call room, whatever it is for: the event stream (server-sent events)
 * a page reads and the signaling messages it posts. A room's route files only say how one enters
 * it (`enter`: the owning domain's check, which throws for anyone who does not belong).
 */
type Enter = (actor: Actor, id: string) => Promise<RoomAccess>;

const uuid = z.uuid();
const signalBody = z.object({
  peer: uuid,
  to: uuid.nullable(),
  kind: z.enum(["offer", "answer", "candidate", "bye", "state"]),
  payload: z.unknown(),
});

/** One signaling message from a participant's page to another (or to all: `to: null`). */
export async function signalResponse(req: Request, id: string, enter: Enter): Promise<Response> {
  const actor = await requireActor();
  const signal = await readJson(req, signalBody);
  const access = await enter(actor, id);
  await sendSignal({ access, userId: actor.userId, fromPeer: signal.peer, to: signal.to, kind: signal.kind, payload: signal.payload ?? null });
  return new Response(null, { status: 204 });
}

/** The call's event stream for one participant's page (`?peer=<uuid>`, a fresh one per page load). */
export async function eventsResponse(req: Request, id: string, enter: Enter): Promise<Response> {
  const actor = await requireActor();
  const access = await enter(actor, id);
  const peerId = new URL(req.url).searchParams.get("peer") ?? "";
  if (!uuid.safeParse(peerId).success) throw new AppError("badRequest");
  const last = Number(req.headers.get("last-event-id") ?? "");
  const stream = await roomEventStream({
    access,
    actor,
    peerId,
    ip: clientIp(req.headers),
    lastEventId: Number.isSafeInteger(last) && last > 0 ? last : null,
    abort: req.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform, private",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
