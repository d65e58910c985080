import "server-only";
import { getDb } from "@/lib/db/client";
import { ROOM_CHANNEL } from "./room";

/**
 * One LISTEN per process on the room channel, fanned out to the event streams this instance
 * holds, by booking. A notification only says "something changed in booking X": each stream
 * then reads what concerns it, so a missed or merged notification loses nothing.
 */
type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();
let started: Promise<void> | undefined;

function start(): Promise<void> {
  started ??= (async () => {
    const { listen } = await getDb();
    await listen(ROOM_CHANNEL, (bookingId) => {
      for (const l of listeners.get(bookingId) ?? []) l();
    });
  })().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
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
