import "server-only";
import { log } from "@/lib/log";

/**
 * Background work of an app instance: runs `task` every `seconds`, one run at a time in this
 * process, started once however often it is asked (the timer is kept on globalThis, which
 * survives module reloads). `0` turns it off. Work shared by several instances must claim its
 * rows in the database (SKIP LOCKED, conditional updates) so that it is done once.
 */
export function every(name: string, seconds: number, task: () => Promise<void>): void {
  const key = Symbol.for(`idarti.every.${name}`);
  const holder = globalThis as Record<symbol, ReturnType<typeof setInterval> | undefined>;
  if (seconds === 0 || holder[key]) return;
  let running = false;
  holder[key] = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => log.error("job.failed", error, { job: name }))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  holder[key].unref?.();
}
