"use client";

import { useEffect, useRef } from "react";
import { enhanceReadAloud, type ReadAloudProps } from "@/lib/learning/client/read-aloud";

/**
 * Reads the lesson with the browser's speech synthesis, in the page's language. Rendered hidden on
 * the server; lib/learning/client/read-aloud.ts shows it only where the phone has a voice for that
 * language (no button that cannot work), here after hydration and on a lean page (docs/adr/0021)
 * from /enhance/read-aloud.js.
 */
export function ReadAloud({ targetId, lang, labels }: ReadAloudProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const props = JSON.stringify({ targetId, lang, labels } satisfies ReadAloudProps);
  useEffect(() => (ref.current ? enhanceReadAloud(ref.current) : undefined), [props]);
  return (
    <button
      ref={ref}
      type="button"
      hidden
      aria-pressed="false"
      data-enhance="read-aloud"
      data-props={props}
      className="inline-flex min-h-11 items-center gap-2 rounded-sm bg-canvas px-4 py-2 font-semibold shadow-[0_2px_0] shadow-line"
    >
      <svg aria-hidden width="20" height="20" viewBox="0 0 24 24">
        <path d="M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0014 8v8a4.5 4.5 0 002.5-4z" fill="currentColor" />
      </svg>
      <span data-label="">{labels.readAloud}</span>
    </button>
  );
}
