"use client";

import { useEffect, useRef } from "react";
import { enhanceNearMe, type NearMePlace, type NearMeProps } from "@/lib/houses/client/near-me";

type Labels = { button: string; hint: string; loading: string; denied: string; results: string; distance: string };

/**
 * "Near me": the browser gives the position, the distances are computed on the device, and
 * nothing is sent anywhere (lib/houses/client/near-me.ts). Rendered hidden on the server; the same
 * function shows and wires it here after hydration and, on a lean page (docs/adr/0021), from
 * /enhance/near-me.js. Without JavaScript or geolocation it stays hidden and the governorate list
 * above does the job.
 */
export function NearMe({ places, locale, labels }: { places: NearMePlace[]; locale: string; labels: Labels }) {
  const ref = useRef<HTMLDivElement>(null);
  const props = JSON.stringify({
    places,
    locale,
    labels: { loading: labels.loading, denied: labels.denied, results: labels.results, distance: labels.distance },
  } satisfies NearMeProps);
  useEffect(() => (ref.current ? enhanceNearMe(ref.current) : undefined), [props]);
  return (
    <div ref={ref} hidden data-enhance="near-me" data-props={props}>
      <p className="mb-2 max-w-3xl text-muted">{labels.hint}</p>
      <button type="button" className="inline-flex min-h-11 items-center rounded-sm bg-brand px-5 font-semibold text-white shadow-[0_2px_0] shadow-brand-dark hover:bg-brand-dark">
        {labels.button}
      </button>
      <div aria-live="polite" className="mt-3" />
    </div>
  );
}
