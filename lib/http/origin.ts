/**
 * The one origin policy, for API routes (lib/http/edge.ts) and server actions (proxy.ts): a
 * request that changes something must come from a page of this app. "This app" is its public
 * origin (APP_URL) or the host the browser addressed — the Host header, or X-Forwarded-Host when
 * a proxy in front rewrote it — which is also what Next.js itself compares for server actions.
 *
 * Why the Host header may be trusted here: a page of another site cannot make a browser send our
 * host with its own Origin (the browser writes both), and custom headers such as X-Forwarded-Host
 * would need a CORS preflight that we never grant. Comparing with `new URL(request.url)` instead
 * is the server's idea of itself (`localhost:PORT`), which no visitor of a real address has.
 *
 * No imports: proxy.ts loads it too.
 */
export function allowedOrigins(headers: Headers, appUrl: string): Set<string> {
  const allowed = new Set<string>();
  try {
    allowed.add(new URL(appUrl).origin);
  } catch {
    // An invalid APP_URL is refused at start (lib/env.ts); nothing to add here.
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = headers.get("host")?.trim();
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  for (const h of [forwarded, host]) {
    if (!h) continue;
    // The scheme the browser used is not in the Host header: accept both for that host, the
    // host is what tells one site from another here.
    if (proto === "http" || proto === "https") allowed.add(`${proto}://${h}`);
    else {
      allowed.add(`http://${h}`);
      allowed.add(`https://${h}`);
    }
  }
  return allowed;
}

/**
 * True when the request may change something: a safe method (GET, HEAD, OPTIONS), or an Origin
 * from `allowedOrigins`. A missing Origin on an unsafe method is refused: every browser sends one
 * on POST, so only a non-browser client leaves it out, and such a client has no business with a
 * citizen's cookies.
 */
export function originAllowed(method: string, headers: Headers, appUrl: string): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return false;
  }
  return allowedOrigins(headers, appUrl).has(normalised);
}
