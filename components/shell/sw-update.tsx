"use client";

import { useEffect, useState } from "react";
import { warmPages } from "@/lib/pwa/warm";

/**
 * Registers the service worker and, when a new version is waiting, offers a reload. The worker
 * waits (no skipWaiting at install) so a page never runs against assets of another version.
 */
export function SwUpdate({ labels }: { labels: { message: string; reload: string; offline: string } }) {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const onOnline = () => setOffline(false);
    const onOffline = () => setOffline(true);
    setOffline(!navigator.onLine);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker
        .register("/serwist/sw.js", { scope: "/", updateViaCache: "none" })
        .then((reg) => {
          // A page that loaded before the worker could see it (the first of a visit) asks the
          // worker to keep it too; pages that went through the worker are not fetched twice.
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
          if (!nav || nav.workerStart === 0) void warmPages([window.location.pathname]);
          if (reg.waiting && navigator.serviceWorker.controller) setWaiting(reg.waiting);
          reg.addEventListener("updatefound", () => {
            const next = reg.installing;
            next?.addEventListener("statechange", () => {
              if (next.state === "installed" && navigator.serviceWorker.controller) setWaiting(next);
            });
          });
        })
        .catch(() => {
          // No worker (private mode, old browser): the site still works online.
        });
    }
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, []);

  return (
    // data-sw-labels: the same words for the lean pages' script, which has no React (lib/lean/client/base.ts).
    <div aria-live="polite" className="no-print" data-sw-labels={JSON.stringify(labels)}>
      {offline ? <p className="bg-ink px-4 py-2 text-center text-white">{labels.offline}</p> : null}
      {waiting ? (
        <div role="status" className="flex flex-wrap items-center justify-center gap-3 bg-focus px-4 py-2 text-ink">
          <span>{labels.message}</span>
          <button
            type="button"
            className="min-h-11 border-2 border-ink px-3 font-semibold"
            onClick={() => {
              navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload());
              waiting.postMessage({ type: "SKIP_WAITING" });
            }}
          >
            {labels.reload}
          </button>
        </div>
      ) : null}
    </div>
  );
}
