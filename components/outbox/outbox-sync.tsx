"use client";
import { useEffect, useState } from "react";
import { browserOutbox, outboxAvailable, OUTBOX_EVENT } from "@/lib/outbox/client/browser";

/**
 * Sends what waits on this phone: at each visit of a signed-in page and whenever the network
 * comes back. Shows a short notice with a link to the list while something waits.
 */
export function OutboxSync({ userId, locale, labels }: { userId: string; locale: string; labels: { waiting: string; link: string; href: string } }) {
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    if (!outboxAvailable()) return;
    let stopped = false;
    const count = async () => {
      const outbox = await browserOutbox(locale);
      const items = await outbox.list(userId);
      if (!stopped) setWaiting(items.filter((i) => i.state === "queued").length);
    };
    const flush = async () => {
      try {
        const outbox = await browserOutbox(locale);
        await outbox.flush({ userId });
      } catch {
        // IndexedDB unavailable: nothing can wait here anyway.
      }
      await count().catch(() => undefined);
    };
    void flush();
    const onOnline = () => void flush();
    const onChange = () => void count().catch(() => undefined);
    window.addEventListener("online", onOnline);
    window.addEventListener(OUTBOX_EVENT, onChange);
    return () => {
      stopped = true;
      window.removeEventListener("online", onOnline);
      window.removeEventListener(OUTBOX_EVENT, onChange);
    };
  }, [userId, locale]);

  if (waiting === 0) return null;
  return (
    <p className="mb-4 border-s-4 border-warning bg-[#fff7bf] p-3" data-outbox-waiting={waiting}>
      {labels.waiting}{" "}
      <a className="link" href={labels.href}>
        {labels.link}
      </a>
    </p>
  );
}
