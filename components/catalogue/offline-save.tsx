"use client";

import { useCallback, useEffect, useState } from "react";

type State = "idle" | "ask" | "saving" | "saved" | "failed";

/**
 * After a visit of the catalogue home, asks the service worker to keep every procedure and house
 * page of this language, so the whole catalogue reads offline. The worker fetches the list and
 * the pages (see app/sw.ts); a phone in data-saver mode is asked first instead.
 */
export function OfflineSave({ lang, labels }: { lang: "ar" | "fr" | "en"; labels: Record<Exclude<State, "idle">, string> & { button: string } }) {
  const [state, setState] = useState<State>("idle");

  const start = useCallback(() => {
    if (!("serviceWorker" in navigator)) return;
    setState("saving");
    void navigator.serviceWorker.ready.then((registration) => {
      const worker = registration.active;
      if (!worker) return setState("failed");
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<{ ok: boolean }>) => setState(event.data.ok ? "saved" : "failed");
      worker.postMessage({ type: "WARM_CATALOGUE", lang }, [channel.port2]);
    });
  }, [lang]);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
    if (saveData) setState("ask");
    else start();
    // Runs once per visit of the catalogue home (and language).
  }, [start]);

  // The region is in the server's HTML from the start, its line reserved (min-h-12): the message
  // that arrives after hydration fills it instead of pushing what follows (CLS 0), and a live
  // region present before its text changes is the one screen readers announce reliably.
  const idle = state === "idle";
  return (
    <div
      role="status"
      className={`no-print mt-8 min-h-12 p-3 ${idle ? "" : "border-s-4 border-link bg-canvas"}`}
      data-offline-state={state}
    >
      {idle ? null : <p>{labels[state]}</p>}
      {state === "ask" ? (
        <button type="button" onClick={start} className="mt-2 inline-flex min-h-11 items-center rounded-sm bg-canvas px-4 font-semibold shadow-[0_2px_0] shadow-line">
          {labels.button}
        </button>
      ) : null}
    </div>
  );
}
