"use client";

import { useEffect, useRef } from "react";
import { enhanceOfflineSave, type OfflineSaveProps } from "@/lib/catalogue/client/offline-save";

/**
 * "Saved for offline reading" on the catalogue home (lib/catalogue/client/offline-save.ts does the
 * work). The region is in the server's HTML from the start with its line reserved (min-h-12); the
 * same function fills it here after hydration and, on a lean page (docs/adr/0021), from
 * /enhance/offline-save.js.
 */
export function OfflineSave({ lang, labels }: OfflineSaveProps) {
  const ref = useRef<HTMLDivElement>(null);
  const props = JSON.stringify({ lang, labels } satisfies OfflineSaveProps);
  useEffect(() => (ref.current ? enhanceOfflineSave(ref.current) : undefined), [props]);
  return <div ref={ref} role="status" className="no-print mt-8 min-h-12 p-3" data-offline-state="idle" data-enhance="offline-save" data-props={props} />;
}
