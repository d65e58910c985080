import "server-only";
import { getDb } from "@/lib/db/client";
import { ROOM_CHANNEL } from "./room";

/**
 * One LISTEN per process on the room channel, fanned out to the event streams this instance
 * holds, by room. A notification only says "something changed in room X": each stream
 * then reads what concerns it, so a missed or merged notification loses nothing.
 */
type Listener = () => void;
// Per process, not per bundle (route handlers are bundled apart): one LISTEN, one map.
const hub = globalThis as typeof globalThis & { __idartiRoomHub?: { listeners: Map<string, Set<Listener>>; started?: Promise<void> } };
hub.__idartiRoomHub ??= { listeners: new Map() };
const state = hub.__idartiRoomHub;
const listeners = state.listeners;

function start(): Promise<void> {
  state.started ??= (async () => {
    const { listen } = await getDb();
    await listen(ROOM_CHANNEL, (room) => {
      for (const l of listeners.get(room) ?? []) l();
    });
  })().catch((error: unknown) => {
    state.started = undefined;
    throw error;
  });
  return state.started;
}

export async function onRoomChange(room: string, listener: Listener): Promise<() => void> {
  await start();
  let set = listeners.get(room);
  if (!set) listeners.set(room, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(room);
  };
}
