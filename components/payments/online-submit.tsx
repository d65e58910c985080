"use client";

import { useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * The pay button. A payment is never queued offline: without a connection the button is
 * disabled and says why. Before JavaScript runs it is a plain submit button (the server decides).
 */
function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function OnlineSubmit({ label, offlineText }: { label: string; offlineText: string }) {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
  return (
    <div className="flex flex-col items-start gap-2">
      <button type="submit" className={buttonClass("primary")} disabled={!online} aria-describedby={online ? undefined : "pay-offline"}>
        {label}
      </button>
      {online ? null : (
        <p id="pay-offline" role="status" className="border-s-4 border-warning ps-3 font-semibold">
          {offlineText}
        </p>
      )}
    </div>
  );
}
