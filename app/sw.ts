/// <reference lib="webworker" />
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from "serwist";
import { OFFLINE_PAGES, isCacheablePage, isCacheableResponse, isPageRequest, offlinePageFor } from "@/lib/pwa/cache-policy";
import { createOutbox } from "@/lib/outbox/client/outbox";
import { openStore } from "@/lib/outbox/client/store";
import { fetchTransport, SYNC_TAG } from "@/lib/outbox/client/browser";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Never store a response the server marked private or no-store, whatever route matched. */
const respectCacheControl: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.ok && isCacheableResponse(response.headers) ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // The new worker waits until the page says "reload" (see components/shell/sw-update.tsx).
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // Personal, staff and API responses: always the network, never a cache.
    {
      matcher: ({ url, request, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith("/api/") || (isPageRequest(request) && !isCacheablePage(url.pathname))),
      handler: new NetworkOnly(),
    },
    // Router payloads (client navigations) are not kept: offline, Next falls back to a full page load.
    {
      matcher: ({ request, url }) => request.headers.get("RSC") === "1" || url.searchParams.has("_rsc"),
      handler: new NetworkOnly(),
    },
    // Public pages as visited: shown at once from the cache, refreshed in the background.
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && isPageRequest(request) && isCacheablePage(url.pathname),
      handler: new StaleWhileRevalidate({
        cacheName: "pages",
        plugins: [respectCacheControl, new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
    // Hashed build assets never change: cache first.
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "assets",
        plugins: [respectCacheControl, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 365 * 24 * 3600 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest"),
      handler: new StaleWhileRevalidate({ cacheName: "static", plugins: [respectCacheControl] }),
    },
  ],
  fallbacks: {
    entries: OFFLINE_PAGES.map((page) => ({
      url: page,
      matcher: ({ request }) => request.mode === "navigate" && offlinePageFor(new URL(request.url).pathname) === page,
    })),
  },
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") void self.skipWaiting();
});

// Background Sync: the browser wakes the worker when the network is back, even with no tab open.
// Each item is sent with its citizen's id; the server keeps it waiting if another person is signed in.
type SyncEvent = ExtendableEvent & { tag: string };
self.addEventListener("sync", ((event: SyncEvent) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      const store = await openStore(self.indexedDB);
      try {
        const outcomes = await createOutbox({ store, transport: fetchTransport({ fetch: self.fetch.bind(self) }) }).flush();
        const clients = await self.clients.matchAll({ type: "window" });
        for (const outcome of outcomes) for (const client of clients) client.postMessage({ type: "idarti-outbox", outcome });
        // Still offline: throwing asks the browser to try the sync again later.
        if (outcomes.some((o) => o.state === "queued")) throw new Error("some submissions are still waiting");
      } finally {
        store.close();
      }
    })(),
  );
}) as EventListener);

// Web push: show what the server sent (already in the reader's language), open its page on tap.
self.addEventListener("push", (event) => {
  const data = (() => {
    try {
      return event.data?.json() as { title?: string; body?: string; url?: string; lang?: string; tag?: string } | undefined;
    } catch {
      return undefined;
    }
  })();
  if (!data?.title) return;
  event.waitUntil(
    self.registration.showNotification(data.title, {
      body: data.body,
      lang: data.lang,
      dir: data.lang?.startsWith("ar") ? "rtl" : "ltr",
      tag: data.tag,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: data.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url;
  if (!url || new URL(url).origin !== self.location.origin) return;
  event.waitUntil(self.clients.openWindow(url));
});

serwist.addEventListeners();
