"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { parseTextSize, TEXT_SIZE_COOKIE, TEXT_SIZES, textSizeCookie, type TextSizeName } from "@/lib/shell/text-size";

/**
 * Text size, remembered in a cookie on this device. A GET form to /api/text-size, so it works
 * without JavaScript (lib/shell/text-size.ts); with JavaScript the choice applies in place.
 */
export function TextSize({ labels }: { labels: { group: string } & Record<TextSizeName, string> }) {
  const pathname = usePathname() ?? "/";
  const [size, setSize] = useState<TextSizeName | null>(null);
  const [back, setBack] = useState(pathname);
  useEffect(() => {
    // A page the browser draws itself from Next's payload (a 404 is sent as an error shell) never
    // ran the boot script in <head>: apply the remembered size here too.
    const remembered = parseTextSize(new RegExp(`(?:^|; )${TEXT_SIZE_COOKIE.replace(".", "\\.")}=([^;]*)`).exec(document.cookie)?.[1]);
    if (remembered && remembered !== "normal" && !document.documentElement.dataset.textSize) document.documentElement.dataset.textSize = remembered;
    const stored = document.documentElement.dataset.textSize;
    setSize(stored === "large" || stored === "larger" ? stored : "normal");
    setBack(window.location.pathname + window.location.search);
  }, [pathname]);

  function choose(next: TextSizeName) {
    setSize(next);
    if (next === "normal") delete document.documentElement.dataset.textSize;
    else document.documentElement.dataset.textSize = next;
    document.cookie = textSizeCookie(next, window.location.protocol === "https:");
    try {
      localStorage.removeItem("idarti.textSize");
    } catch {
      // Private mode: the cookie is what counts.
    }
  }

  return (
    <form
      method="get"
      action="/api/text-size"
      role="group"
      aria-label={labels.group}
      className="flex flex-wrap items-center gap-1"
      onSubmit={(e) => {
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const next = TEXT_SIZES.find((s) => s === submitter?.value);
        if (!next) return;
        e.preventDefault();
        choose(next);
      }}
    >
      <span aria-hidden className="text-sm">{labels.group}:</span>
      <input type="hidden" name="back" value={back} />
      {TEXT_SIZES.map((s, i) => (
        <button
          key={s}
          type="submit"
          name="size"
          value={s}
          aria-pressed={size === null ? undefined : size === s}
          className="min-h-11 min-w-11 border-2 border-white/60 px-2 text-white aria-pressed:bg-white aria-pressed:text-brand-dark"
          style={{ fontSize: `${0.9 + i * 0.2}rem` }}
        >
          <span aria-hidden>A</span>
          <span className="sr-only">{labels[s]}</span>
        </button>
      ))}
    </form>
  );
}
