"use client";

import { useEffect, useRef } from "react";
import { enhanceOpenNow, type OpenNowLabels, type OpenNowProps } from "@/lib/houses/client/open-now";
import type { Calendar, HouseHours, Weekday } from "@/lib/houses/schema";
import { contentLocale, type Locale } from "@/lib/i18n/routing";

export type { OpenNowLabels };

/**
 * "Open now — closes at 17:00", computed on the device (lib/houses/client/open-now.ts). Rendered
 * empty and hidden on the server with its props on the element: the same function fills it here
 * after hydration and, on a lean page (docs/adr/0021), from /enhance/open-now.js.
 */
export function OpenNow({ hours, calendar, locale, labels, weekdayNames }: {
  hours: HouseHours;
  calendar: Calendar;
  locale: Locale;
  labels: OpenNowLabels;
  weekdayNames: Record<Weekday, string>;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  const props = JSON.stringify({ hours, calendar, locale, lang: contentLocale(locale), labels, weekdayNames } satisfies OpenNowProps);
  useEffect(() => (ref.current ? enhanceOpenNow(ref.current) : undefined), [props]);
  return (
    <p
      ref={ref}
      role="status"
      hidden
      data-enhance="open-now"
      data-props={props}
      className="mb-4 inline-block border-s-8 border-ink bg-canvas px-3 py-2 font-bold data-[open-state=open]:border-success data-[open-state=open]:bg-[#cce2d8]"
    />
  );
}
