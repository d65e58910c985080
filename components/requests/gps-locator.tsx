"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * "Use my phone's position": asks the browser once, on the citizen's tap, and hands the point
 * to the form (which keeps it in hidden fields). A refusal or a failure is said plainly, with the
 * other ways of giving the place.
 */
export function GpsLocator({ onPoint }: { onPoint: (p: { lat: number; lon: number; accuracy: number }) => void }) {
  const t = useTranslations("MunicipalReport.gps");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const locate = () => {
    if (!("geolocation" in navigator)) return setMessage({ text: t("unsupported"), error: true });
    setBusy(true);
    setMessage({ text: t("locating"), error: false });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const accuracy = Math.round(pos.coords.accuracy);
        onPoint({ lat: pos.coords.latitude, lon: pos.coords.longitude, accuracy });
        setMessage({ text: t("found", { accuracy }), error: false });
      },
      (err) => {
        setBusy(false);
        setMessage({ text: err.code === err.PERMISSION_DENIED ? t("denied") : t("failed"), error: true });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="mb-4 ms-10">
      <button type="button" onClick={locate} disabled={busy} className="inline-flex min-h-11 items-center rounded-sm bg-canvas px-4 py-2 font-semibold text-ink shadow-[0_2px_0] shadow-line">
        {t("button")}
      </button>
      <p role="status" className={message?.error ? "mt-2 font-semibold text-danger" : "mt-2"}>
        {message?.text}
      </p>
    </div>
  );
}
