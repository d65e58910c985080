import { search, type SearchHit, type SearchIndex } from "@/lib/catalogue/search/search";
import { applyPlural, type PluralTemplates } from "@/lib/i18n/plural-templates";
import { readProps } from "@/lib/shell/enhance";

/**
 * The catalogue's search box as you type. Without JavaScript it is a plain GET form to the search
 * page (server-side results). With it, results come from a small prebuilt index, downloaded only
 * when the box is first used and kept by the service worker, so the search works offline too.
 * The markup is the server's (components/catalogue/search-box.tsx); this function is called by the
 * React leaf and by /enhance/search-box.js on a lean page (docs/adr/0021).
 */
export type SearchBoxProps = {
  indexUrl: string;
  /** Content language of the index. */
  lang: "ar" | "fr" | "en";
  locale: string;
  hrefPrefix: string;
  defaultValue: string;
  labels: { results: string; count: PluralTemplates };
};

export function enhanceSearchBox(root: HTMLElement): (() => void) | undefined {
  const props = readProps<SearchBoxProps>(root);
  const form = root.querySelector<HTMLFormElement>('form[role="search"]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const out = root.querySelector<HTMLElement>("[data-search-results]");
  if (!props || !form || !input || !out) return undefined;

  let index: Promise<SearchIndex | null> | null = null;
  const loadIndex = (): Promise<SearchIndex | null> =>
    (index ??= fetch(props.indexUrl)
      .then((r) => (r.ok ? (r.json() as Promise<SearchIndex>) : null))
      .catch(() => {
        index = null; // try again on the next keystroke (connection back)
        return null;
      }));

  let hits: SearchHit[] | null = null;
  const render = () => {
    out.replaceChildren();
    if (!hits) return;
    const count = document.createElement("p");
    count.className = "font-semibold";
    count.textContent = applyPlural(props.locale, props.labels.count, hits.length);
    const list = document.createElement("ul");
    list.setAttribute("aria-label", props.labels.results);
    list.className = "mt-2 flex flex-col divide-y divide-line border-y border-line";
    for (const h of hits) {
      const item = document.createElement("li");
      item.className = "py-2";
      const link = document.createElement("a");
      link.className = "link inline-flex min-h-11 items-center text-lg font-semibold";
      link.href = `${props.hrefPrefix}${h.slug}`;
      link.textContent = h.entry.t[props.lang];
      const summary = document.createElement("p");
      summary.className = "text-sm text-muted";
      summary.textContent = h.entry.u[props.lang];
      item.append(link, summary);
      list.append(item);
    }
    out.append(count, list);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const onInput = () => {
    const query = input.value;
    const mine = ++asked;
    clearTimeout(timer);
    // The query the server already answered (search page) needs no live results.
    if (query.trim() === "" || query === props.defaultValue) {
      hits = null;
      render();
      return;
    }
    timer = setTimeout(() => {
      void loadIndex().then((idx) => {
        if (mine !== asked || !idx) return;
        hits = search(idx, query, 10);
        render();
      });
    }, 120);
  };
  const onFocus = () => void loadIndex();
  // Offline the search page cannot load; the live results already answer.
  const onSubmit = (event: SubmitEvent) => {
    if (!navigator.onLine && hits) event.preventDefault();
  };
  input.addEventListener("input", onInput);
  input.addEventListener("focus", onFocus);
  form.addEventListener("submit", onSubmit);
  return () => {
    clearTimeout(timer);
    asked++;
    input.removeEventListener("input", onInput);
    input.removeEventListener("focus", onFocus);
    form.removeEventListener("submit", onSubmit);
  };
}
