"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { search, type SearchHit, type SearchIndex } from "@/lib/catalogue/search/search";
import { applyPlural, type PluralTemplates } from "./plural-templates";

type Labels = { label: string; hint: string; submit: string; results: string; count: PluralTemplates };

/**
 * The catalogue's search box. Without JavaScript it is a plain GET form to the search page
 * (server-side results). With JavaScript it shows results as you type from a small prebuilt
 * index, downloaded only when the box is first used (not on every page), and kept by the service
 * worker: the search then works offline too.
 */
export function SearchBox({ action, lang, locale, hrefPrefix, indexUrl, defaultValue = "", labels }: {
  action: string;
  /** Content language of the index ("ar" | "fr" | "en"). */
  lang: "ar" | "fr" | "en";
  locale: string;
  hrefPrefix: string;
  indexUrl: string;
  defaultValue?: string;
  labels: Labels;
}) {
  const id = useId();
  const [query, setQuery] = useState(defaultValue);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const index = useRef<Promise<SearchIndex | null> | null>(null);

  const loadIndex = useCallback((): Promise<SearchIndex | null> => {
    index.current ??= fetch(indexUrl)
      .then((r) => (r.ok ? (r.json() as Promise<SearchIndex>) : null))
      .catch(() => {
        index.current = null; // try again on the next keystroke (connection back)
        return null;
      });
    return index.current;
  }, [indexUrl]);

  useEffect(() => {
    // The query the server already answered (search page) needs no live results.
    if (query.trim() === "" || query === defaultValue) {
      setHits(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadIndex().then((idx) => {
        if (!cancelled && idx) setHits(search(idx, query, 10));
      });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, defaultValue, loadIndex]);

  return (
    <div className="mb-8">
      <form
        role="search"
        action={action}
        method="get"
        className="flex flex-col gap-1"
        onSubmit={(e) => {
          // Offline the search page cannot load; the live results already answer.
          if (!navigator.onLine && hits) e.preventDefault();
        }}
      >
        <label htmlFor={id} className="text-xl font-bold">
          {labels.label}
        </label>
        <p id={`${id}-hint`} className="text-muted">
          {labels.hint}
        </p>
        <div className="flex max-w-2xl flex-wrap gap-2">
          <input
            id={id}
            name="q"
            type="search"
            defaultValue={defaultValue}
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            onFocus={() => void loadIndex()}
            onChange={(e) => setQuery(e.target.value)}
            className="min-h-11 min-w-0 flex-1 rounded-none border-2 border-ink bg-white px-2 py-1 text-base"
          />
          <button type="submit" className="inline-flex min-h-11 items-center rounded-sm bg-brand px-5 font-semibold text-white shadow-[0_2px_0] shadow-brand-dark hover:bg-brand-dark">
            {labels.submit}
          </button>
        </div>
      </form>
      <div aria-live="polite" className="mt-3">
        {hits ? (
          <>
            <p className="font-semibold">{applyPlural(locale, labels.count, hits.length)}</p>
            <ul aria-label={labels.results} className="mt-2 flex flex-col divide-y divide-line border-y border-line">
              {hits.map((h) => (
                <li key={h.slug} className="py-2">
                  <a className="link inline-flex min-h-11 items-center text-lg font-semibold" href={`${hrefPrefix}${h.slug}`}>
                    {h.entry.t[lang]}
                  </a>
                  <p className="text-sm text-muted">{h.entry.u[lang]}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
