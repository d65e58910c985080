"use client";

import { useEffect, useState } from "react";
import { registerWorker, switchTo } from "@/lib/pwa/register";

/**
 * Registers the service worker (lib/pwa/register.ts) and, when a new version is waiting, offers a reload. The worker
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
    registerWorker(setWaiting);
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
            onClick={() => switchTo(waiting)}
          >
            {labels.reload}
          </button>
        </div>
      ) : null}
    </div>
  );
}
