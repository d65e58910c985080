"use client";
import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/safe-action";

type Labels = { unsupported: string; enable: string; disable: string; enabled: string; disabled: string; denied: string; failed: string };
type State = "loading" | "unsupported" | "denied" | "on" | "off" | "failed";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Turns web push on or off for this browser (the subscription lives in the service worker). */
export function PushSettings({
  publicKey,
  subscribe,
  unsubscribe,
  labels,
}: {
  publicKey: string;
  subscribe: (input: { endpoint: string; keys: { p256dh: string; auth: string } }) => Promise<ActionResult<{ ok: boolean }>>;
  unsubscribe: (input: { endpoint: string }) => Promise<ActionResult<{ ok: boolean }>>;
  labels: Labels;
}) {
  const [state, setState] = useState<State>("loading");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      setState("unsupported");
      return;
    }
    if (Notification.permission === "denied") {
      setState("denied");
      return;
    }
    void navigator.serviceWorker.ready
      .then((reg) => reg.pushManager.getSubscription())
      .then((sub) => setState(sub ? "on" : "off"))
      .catch(() => setState("off"));
  }, []);

  async function enable() {
    setBusy(true);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? "denied" : "off");
        return;
      }
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
      const result = await subscribe({ endpoint: json.endpoint, keys: json.keys });
      setState(result.ok ? "on" : "failed");
    } catch {
      setState("failed");
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.getSubscription();
      if (sub) {
        await unsubscribe({ endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setState("off");
    } catch {
      setState("failed");
    } finally {
      setBusy(false);
    }
  }

  const button = "inline-flex min-h-11 items-center rounded-sm px-5 font-semibold";
  return (
    <div aria-live="polite">
      {state === "unsupported" ? <p>{labels.unsupported}</p> : null}
      {state === "denied" ? <p>{labels.denied}</p> : null}
      {state === "failed" ? <p className="mb-4 font-semibold text-danger">{labels.failed}</p> : null}
      {state === "on" ? (
        <>
          <p className="mb-4 font-semibold">{labels.enabled}</p>
          <button type="button" className={`${button} border-2 border-ink`} disabled={busy} onClick={disable}>
            {labels.disable}
          </button>
        </>
      ) : null}
      {state === "off" || state === "failed" ? (
        <>
          {state === "off" ? <p className="mb-4">{labels.disabled}</p> : null}
          <button type="button" className={`${button} bg-brand text-white`} disabled={busy} onClick={enable}>
            {labels.enable}
          </button>
        </>
      ) : null}
    </div>
  );
}
