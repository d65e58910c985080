"use client";

import { useEffect, useState } from "react";
import { TEXT_SIZE_KEY } from "@/lib/security/boot-scripts";

// The key and the boot script live in lib/security: their hash is part of every page's CSP.
export { TEXT_SIZE_KEY, textSizeBootScript } from "@/lib/security/boot-scripts";

const sizes = ["normal", "large", "larger"] as const;
type Size = (typeof sizes)[number];


/** Text size remembered on this device only (localStorage): nothing personal, nothing sent. */
export function TextSize({ labels }: { labels: { group: string } & Record<Size, string> }) {
  const [size, setSize] = useState<Size>("normal");
  useEffect(() => {
    const stored = document.documentElement.dataset.textSize;
    if (stored === "large" || stored === "larger") setSize(stored);
  }, []);

  function choose(next: Size) {
    setSize(next);
    if (next === "normal") delete document.documentElement.dataset.textSize;
    else document.documentElement.dataset.textSize = next;
    try {
      if (next === "normal") localStorage.removeItem(TEXT_SIZE_KEY);
      else localStorage.setItem(TEXT_SIZE_KEY, next);
    } catch {
      // Private mode or a full disk: the size still applies to this page.
    }
  }

  return (
    <div role="group" aria-label={labels.group} className="flex items-center gap-1">
      <span aria-hidden className="text-sm">{labels.group}:</span>
      {sizes.map((s, i) => (
        <button
          key={s}
          type="button"
          aria-pressed={size === s}
          onClick={() => choose(s)}
          className="min-h-11 min-w-11 border-2 border-white/60 px-2 text-white aria-pressed:bg-white aria-pressed:text-brand-dark"
          style={{ fontSize: `${0.9 + i * 0.2}rem` }}
        >
          <span aria-hidden>A</span>
          <span className="sr-only">{labels[s]}</span>
        </button>
      ))}
    </div>
  );
}
