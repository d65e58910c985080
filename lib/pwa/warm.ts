import { WARM_HEADER } from "./cache-policy";

/**
 * Asks the service worker to keep these pages (it applies the same policy as for visits: private
 * pages are fetched but never stored). Browser-only; resolves when the worker has them.
 */
export async function warmPages(urls: string[]): Promise<void> {
  if (!("serviceWorker" in navigator) || urls.length === 0) return;
  const reg = await navigator.serviceWorker.ready;
  const worker = reg.active;
  if (!worker) return;
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    worker.postMessage(
      { type: "CACHE_URLS", payload: { urlsToCache: urls.map((u) => [u, { headers: { [WARM_HEADER]: "1" }, credentials: "same-origin" }]) } },
      [channel.port2],
    );
  });
}
