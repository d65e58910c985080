import "server-only";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { sweepDueSoon, sweepOverdue } from "@/lib/cases/sweep";
import { dispatchOnce, type Channels } from "./dispatch";
import { webPushSender } from "./push/web-push";
import { sendSms } from "./sms";
import { log } from "@/lib/log";

/**
 * Runs the dispatcher inside the app process: every NOTIFY_INTERVAL_SECONDS, and soon after a
 * change asks for it (`nudgeDispatcher`). One run at a time per process; between processes the
 * row claims (SKIP LOCKED) keep deliveries single.
 */
type State = { timer?: ReturnType<typeof setInterval>; running?: Promise<void>; again?: boolean; sweep?: boolean };
const KEY = Symbol.for("idarti.notifications.runner");
const state: State = ((globalThis as Record<symbol, unknown>)[KEY] as State | undefined) ?? ((globalThis as Record<symbol, unknown>)[KEY] = {});

export function channels(): Channels {
  const e = env();
  return {
    push: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? webPushSender({ publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT }) : null,
    sms: (m) => sendSms({ to: m.to, text: m.text, locale: isLocale(m.locale) ? m.locale : defaultLocale }),
  };
}

/**
 * One run: the deadline sweeps when a tick asked for them (they are time-driven), then the
 * deliveries. A nudge after a filing only delivers: sweeping every case on every post made the
 * dispatcher run back to back under load on the page-serving thread (issue 19 §3).
 */
async function runOnce(): Promise<void> {
  // Read before the first await: a tick arriving during this run asks for the next one.
  const sweep = state.sweep ?? false;
  state.sweep = false;
  const database = await getDb();
  const at = await now();
  if (sweep) {
    await sweepDueSoon({ db: database.db, now: at });
    await sweepOverdue({ db: database.db, now: at });
  }
  // Drain: a full batch means there may be more.
  for (let i = 0; i < 20; i++) {
    const report = await dispatchOnce({ database, now: at, channels: channels(), appUrl: env().APP_URL });
    if (report.claimed < 50) break;
  }
}

/** `sweep`: a tick (sweeps and deliveries); a nudge only delivers. Remembered while a run is on. */
function run(sweep = false): void {
  state.sweep ||= sweep;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = runOnce()
    .catch((error: unknown) => log.error("notifications.dispatchFailed", error))
    .finally(() => {
      state.running = undefined;
      if (state.again) {
        state.again = false;
        run();
      }
    });
}

export function startDispatcher(): void {
  const seconds = env().NOTIFY_INTERVAL_SECONDS;
  if (state.timer || seconds === 0) return;
  state.timer = setInterval(() => run(true), seconds * 1000);
  state.timer.unref?.();
  run(true);
}

/** After a commit that wrote notifications: deliver them now rather than at the next tick. */
export function nudgeDispatcher(): void {
  if (env().NOTIFY_INTERVAL_SECONDS === 0) return;
  setTimeout(run, 50).unref?.();
}
