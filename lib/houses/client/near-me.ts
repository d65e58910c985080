/**
 * "Near me" (components/houses/near-me.tsx renders the hint, the button and an empty live region,
 * hidden): the browser gives the position, the distances are computed here, and nothing is sent
 * anywhere (the list of houses came with the page). Without JavaScript or geolocation it stays
 * hidden and the governorate list above does the job.
 */
import { nearest } from "@/lib/places/distance";
import { readProps } from "@/lib/shell/enhance";

export type NearMePlace = { slug: string; name: string; kind: string; lat: number; lon: number; href: string };
export type NearMeProps = {
  places: NearMePlace[];
  locale: string;
  labels: { loading: string; denied: string; results: string; distance: string };
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Shows the button when the browser can locate, and lists the nearest houses on a click; returns the cleanup. */
export function enhanceNearMe(el: HTMLElement): () => void {
  const props = readProps<NearMeProps>(el);
  const button = el.querySelector<HTMLButtonElement>("button");
  const output = el.querySelector<HTMLElement>("[aria-live]");
  if (!props || !button || !output || !("geolocation" in navigator)) return () => {};
  const { places, locale, labels } = props;
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  let live = true;

  const say = (...nodes: Node[]) => {
    if (live) output.replaceChildren(...nodes);
  };
  const locate = () => {
    say(element("p", "", labels.loading));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const list = element("ol", "flex flex-col gap-1");
        for (const r of nearest({ lat: pos.coords.latitude, lon: pos.coords.longitude }, places, 5)) {
          const link = element("a", "link inline-flex min-h-11 items-center font-semibold", r.name);
          link.href = r.href;
          const item = element("li", "");
          item.append(link, element("span", "ms-2 text-muted", `${r.kind} — ${labels.distance.replace("{km}", km.format(r.km))}`));
          list.append(item);
        }
        say(element("h3", "mb-2 text-lg font-bold", labels.results), list);
      },
      () => say(element("p", "font-semibold", labels.denied)),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };
  button.addEventListener("click", locate);
  el.hidden = false;
  return () => {
    live = false;
    button.removeEventListener("click", locate);
    output.replaceChildren();
    el.hidden = true;
  };
}
