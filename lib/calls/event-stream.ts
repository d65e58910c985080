import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { iceServers } from "./ice";
import { onRoomChange } from "./room-hub";
import { joinRoom, latestSignalId, leaveRoom, roster, signalsFor, sweepRooms, touchPeer, type RoomAccess } from "./room";
import { log } from "@/lib/log";

const HEARTBEAT_MS = 15_000;

/**
 * The server-sent event stream of one peer: `hello` (who I am, ICE servers), `roster` (who is
 * here, who is waiting) whenever it changes, and the signaling messages addressed to this peer.
 * Event ids are signal ids, so a reconnecting EventSource (Last-Event-ID) gets what it missed.
 */
export async function roomEventStream(opts: { access: RoomAccess; actor: Actor; peerId: string; ip: string | null; lastEventId: number | null; abort: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  const { access, actor, peerId, ip } = opts;
  const room = access.room;
  await joinRoom({ access, actor, peerId, ip });
  void sweepRooms().catch(() => undefined);
  let cursor = opts.lastEventId ?? (await latestSignalId(room));
  const encoder = new TextEncoder();
  let closed = false;
  let lastRoster = "";
  let pumping: Promise<void> = Promise.resolve();
  let stopListening: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const event = (name: string, data: unknown, id?: number) => send(`${id !== undefined ? `id: ${id}\n` : ""}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

      const pump = async () => {
        if (closed) return;
        const list = await roster(access);
        const json = JSON.stringify(list);
        if (json !== lastRoster) {
          lastRoster = json;
          event("roster", list);
        }
        const me = list.find((p) => p.peerId === peerId);
        if (!me?.admitted) return; // in the lobby, nothing is relayed
        for (const s of await signalsFor({ room, peerId, afterId: cursor })) {
          cursor = s.id;
          event("signal", { from: s.from, kind: s.kind, payload: s.payload }, s.id);
        }
      };
      // Changes are handled one after another, in order.
      const schedule = () => {
        pumping = pumping.then(pump).catch((error: unknown) => log.error("call.roomStream", error));
      };

      const close = async () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        stopListening?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
        await leaveRoom({ access, actor, peerId, ip }).catch(() => undefined);
      };
      opts.abort.addEventListener("abort", () => void close());

      send(`retry: 2000\n\n`);
      event("hello", { peerId, role: access.role, iceServers: iceServers() });
      stopListening = await onRoomChange(room, schedule);
      schedule();
      heartbeat = setInterval(() => {
        send(`: keep-alive\n\n`);
        void touchPeer(peerId).catch(() => undefined);
        schedule();
      }, HEARTBEAT_MS);
    },
    async cancel() {
      closed = true;
      clearInterval(heartbeat);
      stopListening?.();
      await leaveRoom({ access, actor, peerId, ip }).catch(() => undefined);
    },
  });
}
