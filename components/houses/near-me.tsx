"use client";

import { useEffect, useState } from "react";
import { nearest } from "@/lib/places/distance";

type Place = { slug: string; name: string; kind: string; lat: number; lon: number; href: string };
type Labels = { button: string; hint: string; loading: string; denied: string; results: string; distance: string };

/**
 * "Near me": the browser gives the position, the distances are computed here, and nothing is
 * sent anywhere (the list of houses came with the page). Without JavaScript or geolocation the
 * button is absent and the governorate list above does the job.
 */
export function NearMe({ places, locale, labels }: { places: Place[]; locale: string; labels: Labels }) {
  const [state, setState] = useState<"idle" | "loading" | "denied" | "done">("idle");
  const [results, setResults] = useState<(Place & { km: number })[]>([]);
  const [supported, setSupported] = useState<boolean | null>(null);

  useEffect(() => setSupported("geolocation" in navigator), []);
  if (!supported) return null;

  function locate() {
    setState("loading");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setResults(nearest({ lat: pos.coords.latitude, lon: pos.coords.longitude }, places, 5));
        setState("done");
      },
      () => setState("denied"),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  }

  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (
    <div>
      <p className="mb-2 max-w-3xl text-muted">{labels.hint}</p>
      <button type="button" onClick={locate} className="inline-flex min-h-11 items-center rounded-sm bg-brand px-5 font-semibold text-white shadow-[0_2px_0] shadow-brand-dark hover:bg-brand-dark">
        {labels.button}
      </button>
      <div aria-live="polite" className="mt-3">
        {state === "loading" ? <p>{labels.loading}</p> : null}
        {state === "denied" ? <p className="font-semibold">{labels.denied}</p> : null}
        {state === "done" ? (
          <>
            <h3 className="mb-2 text-lg font-bold">{labels.results}</h3>
            <ol className="flex flex-col gap-1">
              {results.map((r) => (
                <li key={r.slug}>
                  <a className="link inline-flex min-h-11 items-center font-semibold" href={r.href}>{r.name}</a>
                  <span className="ms-2 text-muted">
                    {r.kind} — {labels.distance.replace("{km}", km.format(r.km))}
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </div>
  );
}
