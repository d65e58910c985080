/**
 * `Save-Data: on` is what a phone in data-saver mode sends with every request (Chrome's Lite mode,
 * Android's data saver). The reader said: only what I ask for. A router prefetch is a request
 * nobody asked for — the app's links mostly carry `prefetch={false}`, but signed-in pages keep
 * Next's default — so the server answers it with an empty 204 (lib/http/save-data-server.ts): the router treats that as a miss and
 * fetches the page when the link is actually followed (next/dist/client/components/segment-cache).
 */
export function savesData(headers: Headers): boolean {
  return (headers.get("save-data") ?? "").trim().toLowerCase() === "on";
}

/** A router prefetch (whole route or one segment), never a navigation or a server action. */
export function isRouterPrefetch(headers: Headers): boolean {
  return headers.get("next-router-prefetch") === "1" || headers.has("next-router-segment-prefetch");
}

export function refusePrefetchOnSaveData(headers: Headers): Response | null {
  if (!savesData(headers) || !isRouterPrefetch(headers)) return null;
  // Vary: a shared cache must not hand this empty answer to a reader without data saver.
  return new Response(null, { status: 204, headers: { Vary: "Save-Data, Next-Router-Prefetch, Next-Router-Segment-Prefetch", "Cache-Control": "private, no-store" } });
}
