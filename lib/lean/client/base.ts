/**
 * The one script of every lean page (docs/adr/0021), in place of the React leaves of the shell:
 * - registers the service worker and keeps the page of a first visit (components/shell/sw-update.tsx);
 * - "a new version is ready — reload" and the offline notice, in the words the server put on the
 *   shell's live region (data-sw-labels);
 * - the text-size buttons apply in place (without this script they are a GET form that works too);
 * - the language links keep the query string.
 * Bundled by app/enhance/[name]/route.ts. No framework: a few DOM calls.
 */
import { registerWorker, switchTo } from "@/lib/pwa/register";
import { parseTextSize, TEXT_SIZES, textSizeCookie, type TextSizeName } from "@/lib/shell/text-size";

type SwLabels = { message: string; reload: string; offline: string };

function swUpdate(region: HTMLElement): void {
  let labels: SwLabels;
  try {
    labels = JSON.parse(region.dataset.swLabels ?? "") as SwLabels;
  } catch {
    return;
  }
  const offline = document.createElement("p");
  offline.className = "bg-ink px-4 py-2 text-center text-white";
  offline.textContent = labels.offline;
  const showOffline = () => {
    if (!navigator.onLine) region.prepend(offline);
    else offline.remove();
  };
  showOffline();
  window.addEventListener("online", showOffline);
  window.addEventListener("offline", showOffline);
  let shown = false;
  const offer = (waiting: ServiceWorker) => {
    if (shown) return;
    shown = true;
    const box = document.createElement("div");
    box.setAttribute("role", "status");
    box.className = "flex flex-wrap items-center justify-center gap-3 bg-focus px-4 py-2 text-ink";
    const text = document.createElement("span");
    text.textContent = labels.message;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "min-h-11 border-2 border-ink px-3 font-semibold";
    button.textContent = labels.reload;
    button.addEventListener("click", () => switchTo(waiting));
    box.append(text, button);
    region.append(box);
  };
  registerWorker(offer);
}

function textSize(form: HTMLFormElement): void {
  const html = document.documentElement;
  const buttons = [...form.querySelectorAll<HTMLButtonElement>("button[name=size]")];
  const mark = (size: TextSizeName) => {
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.value === size));
  };
  mark(parseTextSize(html.dataset.textSize) ?? "normal");
  const back = form.querySelector<HTMLInputElement>("input[name=back]");
  if (back) back.value = window.location.pathname + window.location.search;
  form.addEventListener("submit", (event) => {
    const next = TEXT_SIZES.find((s) => s === event.submitter?.getAttribute("value"));
    if (!next) return;
    event.preventDefault();
    if (next === "normal") delete html.dataset.textSize;
    else html.dataset.textSize = next;
    document.cookie = textSizeCookie(next, window.location.protocol === "https:");
    mark(next);
  });
}

function languageLinks(): void {
  if (!window.location.search) return;
  for (const a of document.querySelectorAll<HTMLAnchorElement>("a[hreflang]")) {
    const url = new URL(a.href);
    url.search = window.location.search;
    a.href = url.pathname + url.search;
  }
}

function start(): void {
  const region = document.querySelector<HTMLElement>("[data-sw-labels]");
  if (region) swUpdate(region);
  const form = document.querySelector<HTMLFormElement>('form[action="/api/text-size"]');
  if (form) textSize(form);
  languageLinks();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
