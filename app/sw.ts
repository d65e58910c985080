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
import { OFFLINE_PAGES, isCacheablePage, isCacheableResponse, isPageRequest, offlinePageFor, onePageSectionFor, verifyPagesFor } from "@/lib/pwa/cache-policy";
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

/**
 * Offline, a procedure, its checklist, "houses for" it, a house or a governorate that was never
 * opened on its own is still in the one-page documents the worker keeps (/xx/services/all,
 * /xx/houses/all, /xx/houses/governorates/all; lib/pwa/cache-policy.ts): send the reader to its
 * section there rather than to the offline page.
 */
const toOnePageCatalogue: SerwistPlugin = {
  handlerDidError: async ({ request }) => {
    if (request.mode !== "navigate") return undefined;
    const pathname = new URL(request.url).pathname;
    const section = onePageSectionFor(pathname);
    if (section && (await caches.match(section.split("#")[0]!, { cacheName: "pages" }))) return Response.redirect(section, 302);
    // Serwist adds its offline fallback only to handlers without a handlerDidError of their own:
    // this one must serve the offline page itself.
    return serwist.matchPrecache(offlinePageFor(pathname));
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // The new worker waits until the page says "reload" (see components/shell/sw-update.tsx).
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // A QR scanned by the camera app: /verify#token. Online the server picks the language;
    // offline, a verify page kept here checks the token (the fragment follows the redirect).
    {
      matcher: ({ url, request, sameOrigin }) => sameOrigin && request.mode === "navigate" && url.pathname.replace(/\/$/, "") === "/verify",
      handler: async ({ request }): Promise<Response> => {
        try {
          return await fetch(request);
        } catch {
          for (const page of verifyPagesFor(self.navigator.language)) {
            if (await caches.match(page, { cacheName: "pages" })) return Response.redirect(new URL(page, self.location.origin).href, 302);
          }
          const offline: Response | undefined = await serwist.matchPrecache(offlinePageFor("/"));
          return offline ?? Response.error();
        }
      },
    },
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
        plugins: [respectCacheControl, toOnePageCatalogue, new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
    // The catalogue's search index and offline page list (small JSON, versioned by query).
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/catalogue-data/"),
      handler: new StaleWhileRevalidate({
        cacheName: "catalogue-data",
        plugins: [respectCacheControl, new ExpirationPlugin({ maxEntries: 10 })],
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

type OfflineList = { version: string; pages: Record<string, string[]>; data: string[] };

/**
 * Keeps every catalogue and house page of one language for offline reading, after a visit of the
 * catalogue home (components/catalogue/offline-save.tsx asks). The list is a small generated JSON;
 * pages already kept for this version are not fetched again, so a second visit costs nothing.
 */
async function warmCatalogue(lang: string): Promise<{ ok: boolean; fetched: number }> {
  const response = await fetch("/catalogue-data/offline-pages.json", { cache: "no-cache" });
  if (!response.ok) return { ok: false, fetched: 0 };
  const list = (await response.json()) as OfflineList;
  const urls = list.pages[lang];
  if (!urls) return { ok: false, fetched: 0 };
  const [pages, data, assets] = await Promise.all([caches.open("pages"), caches.open("catalogue-data"), caches.open("assets")]);
  const marker = `/catalogue-data/__warmed-${lang}`;
  const done = await data.match(marker);
  const sameVersion = done !== undefined && (await done.text()) === list.version;
  let fetched = 0;
  let failed = 0;
  // The scripts the kept pages load: without them a page would start React offline with a piece
  // missing and fall into the error page. Most are already in the browser's HTTP cache (same
  // build, immutable), so this costs the network only the few a catalogue page adds.
  const scripts = new Set<string>();
  const collect = (html: string) => {
    for (const m of html.matchAll(/<script\b[^>]*>/g)) {
      // A `nomodule` script (Next's polyfills) is for browsers that cannot run the app at all:
      // a browser with a service worker never runs it, so it never pays to keep it (39.7 kB).
      if (/\snomodule\b/i.test(m[0])) continue;
      const src = /\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(m[0]);
      if (src) scripts.add(src[1]!);
    }
  };
  const run = async (queue: { url: string; cache: Cache; html?: boolean }[]) => {
    // A few at a time: a phone on a weak link should not open dozens of connections.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          const kept = await item.cache.match(item.url);
          if (kept && (sameVersion || !item.html)) {
            if (item.html) collect(await kept.text());
            continue;
          }
          try {
            const r = await fetch(item.url, { credentials: "same-origin" });
            if (r.ok && !r.redirected && isCacheableResponse(r.headers)) {
              if (item.html) collect(await r.clone().text());
              await item.cache.put(item.url, r);
              fetched++;
            } else failed++;
          } catch {
            failed++;
          }
        }
      }),
    );
  };
  await run([...urls.map((url) => ({ url, cache: pages, html: true })), ...list.data.map((url) => ({ url, cache: data }))]);
  await run([...scripts].map((url) => ({ url, cache: assets })));
  if (failed === 0) await data.put(marker, new Response(list.version));
  return { ok: failed === 0, fetched };
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") void self.skipWaiting();
  if (event.data && event.data.type === "WARM_CATALOGUE" && typeof event.data.lang === "string") {
    const port = event.ports[0];
    event.waitUntil(
      warmCatalogue(event.data.lang)
        .catch(() => ({ ok: false, fetched: 0 }))
        .then((result) => port?.postMessage(result)),
    );
  }
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
