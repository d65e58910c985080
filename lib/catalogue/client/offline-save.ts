import { readProps } from "@/lib/shell/enhance";

/**
 * After a visit of the catalogue home, asks the service worker to keep every procedure and house
 * page of this language, so the whole catalogue reads offline (app/sw.ts, WARM_CATALOGUE); a phone
 * in data-saver mode is asked first instead. The leaf's element (components/catalogue/offline-save.tsx)
 * is a live region present from the server's HTML, its line reserved, so the message fills it
 * without moving anything (CLS 0) and screen readers announce it. Called by the React leaf and by
 * /enhance/offline-save.js on a lean page (docs/adr/0021).
 */
type State = "idle" | "ask" | "saving" | "saved" | "failed";
export type OfflineSaveProps = { lang: "ar" | "fr" | "en"; labels: Record<Exclude<State, "idle">, string> & { button: string } };

const SHOWN = ["border-s-4", "border-link", "bg-canvas"];

export function enhanceOfflineSave(el: HTMLElement): (() => void) | undefined {
  const props = readProps<OfflineSaveProps>(el);
  if (!props || !("serviceWorker" in navigator)) return undefined;
  let live = true;
  const render = (state: State) => {
    if (!live) return;
    el.dataset.offlineState = state;
    for (const c of SHOWN) el.classList.toggle(c, state !== "idle");
    el.replaceChildren();
    if (state === "idle") return;
    const text = document.createElement("p");
    text.textContent = props.labels[state];
    el.append(text);
    if (state === "ask") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "mt-2 inline-flex min-h-11 items-center rounded-sm bg-canvas px-4 font-semibold shadow-[0_2px_0] shadow-line";
      button.textContent = props.labels.button;
      button.addEventListener("click", start);
      el.append(button);
    }
  };
  function start() {
    render("saving");
    void navigator.serviceWorker.ready.then((registration) => {
      const worker = registration.active;
      if (!worker) return render("failed");
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<{ ok: boolean }>) => render(event.data.ok ? "saved" : "failed");
      worker.postMessage({ type: "WARM_CATALOGUE", lang: props!.lang }, [channel.port2]);
    });
  }
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
  if (saveData) render("ask");
  else start();
  return () => {
    live = false;
  };
}
