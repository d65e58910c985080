"use client";

import { useEffect, useId, useRef } from "react";
import { enhanceSearchBox, type SearchBoxProps } from "@/lib/catalogue/client/search-box";
import type { PluralTemplates } from "@/lib/i18n/plural-templates";

type Labels = { label: string; hint: string; submit: string; results: string; count: PluralTemplates };

/**
 * The catalogue's search box: a plain GET form to the search page, which works without
 * JavaScript; results as you type come from lib/catalogue/client/search-box.ts, called here after
 * hydration and, on a lean page (docs/adr/0021), by /enhance/search-box.js.
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
  const ref = useRef<HTMLDivElement>(null);
  const props = JSON.stringify({ indexUrl, lang, locale, hrefPrefix, defaultValue, labels: { results: labels.results, count: labels.count } } satisfies SearchBoxProps);
  useEffect(() => (ref.current ? enhanceSearchBox(ref.current) : undefined), [props]);

  return (
    <div ref={ref} className="mb-8" data-enhance="search-box" data-props={props}>
      <form role="search" action={action} method="get" className="flex flex-col gap-1">
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
            className="min-h-11 min-w-0 flex-1 rounded-none border-2 border-ink bg-white px-2 py-1 text-base"
          />
          <button type="submit" className="inline-flex min-h-11 items-center rounded-sm bg-brand px-5 font-semibold text-white shadow-[0_2px_0] shadow-brand-dark hover:bg-brand-dark">
            {labels.submit}
          </button>
        </div>
      </form>
      <div aria-live="polite" className="mt-3" data-search-results />
    </div>
  );
}
