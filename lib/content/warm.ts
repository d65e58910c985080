import "server-only";
import { localePrefixes, locales } from "@/lib/i18n/routing";
import { readOwnPage } from "@/lib/security/csp";

/**
 * After a publish, reads the pages that show the document again until Next has regenerated them
 * (a revalidated page is served stale once, while it is rendered anew): the next reader — and the
 * service worker that keeps the offline catalogue — gets the new content, not the old one once more.
 */
export async function warmPages(paths: string[], port = Number(process.env.PORT ?? 3000)): Promise<void> {
  const all = locales.flatMap((l) => paths.map((p) => `${localePrefixes[l]}${p}`));
  for (const url of all) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const page = await readOwnPage(url, port);
      if (!page || !page.stale) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // The offline catalogue's data: fetched once, so it is rendered again before a phone asks.
  for (const data of ["/catalogue-data/search-index.json", "/catalogue-data/offline-pages.json"]) {
    await fetch(`http://127.0.0.1:${port}${data}`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  }
}
