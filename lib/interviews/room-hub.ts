import "server-only";
import { getDb } from "@/lib/db/client";
import { ROOM_CHANNEL } from "./room";

/**
 * One LISTEN per process on the room channel, fanned out to the event streams this instance
 * holds, by booking. A notification only says "something changed in booking X": each stream
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
    await listen(ROOM_CHANNEL, (bookingId) => {
      for (const l of listeners.get(bookingId) ?? []) l();
    });
  })().catch((error: unknown) => {
    state.started = undefined;
    throw error;
  });
  return state.started;
}

export async function onRoomChange(bookingId: string, listener: Listener): Promise<() => void> {
  await start();
  let set = listeners.get(bookingId);
  if (!set) listeners.set(bookingId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(bookingId);
  };
}
