"use client";

import { useEffect, useRef } from "react";
import { enhanceLessonDone, type LessonDoneProps } from "@/lib/learning/client/lesson-done";

/**
 * "Done" beside a lesson whose questions were all answered right on this device. Rendered hidden
 * on the server; lib/learning/client/lesson-done.ts shows it, here after hydration and on a lean page
 * (docs/adr/0021) from /enhance/lesson-done.js.
 */
export function LessonDone({ slug, label }: { slug: string; label: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const props = JSON.stringify({ slug } satisfies LessonDoneProps);
  useEffect(() => (ref.current ? enhanceLessonDone(ref.current) : undefined), [props]);
  return (
    <span ref={ref} hidden data-enhance="lesson-done" data-props={props} className="ms-2 inline-block rounded-sm bg-brand px-2 text-sm font-bold text-white">
      ✓ {label}
    </span>
  );
}
