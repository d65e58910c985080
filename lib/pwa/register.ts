import { warmPages } from "./warm";

/**
 * Registers the service worker (browser only), for the shell's React leaf
 * (components/shell/sw-update.tsx) and the lean pages' script (lib/lean/client/base.ts) alike.
 * The worker waits (no skipWaiting at install) so a page never runs against assets of another
 * version: `onWaiting` is told of a new version ready, and `switchTo` is what "reload" does.
 */
export function registerWorker(onWaiting: (worker: ServiceWorker) => void): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/serwist/sw.js", { scope: "/", updateViaCache: "none" })
    .then((reg) => {
      // A page that loaded before the worker could see it (the first of a visit) asks the worker
      // to keep it too; pages that went through the worker are not fetched twice.
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      if (!nav || nav.workerStart === 0) void warmPages([window.location.pathname]);
      if (reg.waiting && navigator.serviceWorker.controller) onWaiting(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const next = reg.installing;
        next?.addEventListener("statechange", () => {
          if (next.state === "installed" && navigator.serviceWorker.controller) onWaiting(next);
        });
      });
    })
    .catch(() => {
      // No worker (private mode, an old browser): the site still works online.
    });
}

/** "Reload": the waiting version takes over, then the page reloads under it. */
export function switchTo(waiting: ServiceWorker): void {
  navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload());
  waiting.postMessage({ type: "SKIP_WAITING" });
}
