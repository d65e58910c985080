import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { expireWalkIns } from "./booking";

const KEY = Symbol.for("idarti.interviews.walkInJob");
type Holder = { [KEY]?: NodeJS.Timeout };

/**
 * Releases the slots of walk-in bookings whose code was never given, on the notification
 * dispatcher's beat (NOTIFY_INTERVAL_SECONDS; 0 turns both off). One UPDATE … RETURNING per run,
 * so several instances running it at once release each booking once.
 */
export function startWalkInExpiryJob(): void {
  const seconds = env().NOTIFY_INTERVAL_SECONDS;
  const holder = globalThis as Holder;
  if (seconds === 0 || holder[KEY]) return;
  let running = false;
  holder[KEY] = setInterval(() => {
    if (running) return;
    running = true;
    Promise.all([getDb(), now()])
      .then(([{ db }, at]) => expireWalkIns({ db, now: at }))
      .then((n) => {
        if (n > 0) console.info(`interviews: released ${n} unconfirmed walk-in booking(s)`);
      })
      .catch((error: unknown) => console.error("interviews walk-in expiry job", error))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  holder[KEY].unref();
}
