"use client";
import { useState } from "react";

/**
 * "Use my phone's position": asks the browser once, on the citizen's tap, and hands the point
 * to the form (which keeps it in hidden fields). A refusal or a failure is said plainly, with the
 * other ways of giving the place.
 */
export type GpsLabels = { button: string; locating: string; found: string; denied: string; failed: string; unsupported: string };

export function GpsLocator({ labels, onPoint }: { labels: GpsLabels; onPoint: (p: { lat: number; lon: number; accuracy: number }) => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const locate = () => {
    if (!("geolocation" in navigator)) return setMessage({ text: labels.unsupported, error: true });
    setBusy(true);
    setMessage({ text: labels.locating, error: false });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const accuracy = Math.round(pos.coords.accuracy);
        onPoint({ lat: pos.coords.latitude, lon: pos.coords.longitude, accuracy });
        setMessage({ text: labels.found.replace("{accuracy}", String(accuracy)), error: false });
      },
      (err) => {
        setBusy(false);
        setMessage({ text: err.code === err.PERMISSION_DENIED ? labels.denied : labels.failed, error: true });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="mb-4 ms-10">
      <button type="button" onClick={locate} disabled={busy} className="inline-flex min-h-11 items-center rounded-sm bg-canvas px-4 py-2 font-semibold text-ink shadow-[0_2px_0] shadow-line">
        {labels.button}
      </button>
      <p role="status" className={message?.error ? "mt-2 font-semibold text-danger" : "mt-2"}>
        {message?.text}
      </p>
    </div>
  );
}
