"use client";

import { useEffect, useRef, useState } from "react";

/**
 * While a payment waits for the payer: a countdown to our time limit and the live status, asked
 * of the server every 2 seconds (the server asks D17: the browser decides nothing). When the
 * payment is settled the page reloads and the server shows the outcome. Without JavaScript the
 * page's "I have approved: check now" button does the same.
 */
export function PaymentLive({
  statusUrl,
  expiresAt,
  serverNow,
  initialState,
  countdown,
  labels,
}: {
  statusUrl: string;
  expiresAt: string;
  serverNow: string;
  initialState: string;
  /** Only once D17 has the request: before, there is nothing to approve and no time running. */
  countdown: boolean;
  labels: { timeLeft: string; status: string; states: Record<string, string> };
}) {
  const [state, setState] = useState(initialState);
  const [left, setLeft] = useState(() => Date.parse(expiresAt) - Date.parse(serverNow));
  const skew = useRef(Date.parse(serverNow) - Date.now());

  useEffect(() => {
    const tick = setInterval(() => setLeft(Date.parse(expiresAt) - (Date.now() + skew.current)), 1000);
    return () => clearInterval(tick);
  }, [expiresAt]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    async function poll() {
      try {
        const res = await fetch(statusUrl, { cache: "no-store", headers: { accept: "application/json" } });
        if (res.ok) {
          const body = (await res.json()) as { state: string; now?: string };
          if (body.now) skew.current = Date.parse(body.now) - Date.now();
          if (!stopped) setState(body.state);
          if (body.state !== initialState) {
            window.location.reload();
            return;
          }
        }
      } catch {
        // Offline for a moment: the next poll tries again; nothing is decided here.
      }
      if (!stopped) timer = setTimeout(poll, 2000);
    }
    timer = setTimeout(poll, 1500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [statusUrl, initialState]);

  const seconds = Math.max(0, Math.floor(left / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return (
    <div className="mb-6 flex flex-wrap gap-x-10 gap-y-2 border-s-8 border-link bg-canvas p-4">
      {countdown ? (
        <p>
          <span className="block text-sm text-muted">{labels.timeLeft}</span>
          <bdi role="timer" className="text-3xl font-bold tabular-nums" dir="ltr">
            {mm}:{ss}
          </bdi>
        </p>
      ) : null}
      <p>
        <span className="block text-sm text-muted">{labels.status}</span>
        <strong aria-live="polite" data-testid="payment-state" className="text-xl">
          {labels.states[state] ?? state}
        </strong>
      </p>
    </div>
  );
}
