import createMiddleware from "next-intl/middleware";
import { NextRequest } from "next/server";
import { refuseAction } from "./lib/http/action-gate";
import { routing } from "./lib/i18n/routing";
import { isProbe, pageSecurity } from "./lib/security/csp";
import { FULL_PAGE_HEADER, isLeanCandidate, isRouterRequest } from "./lib/lean/routes";
import { leanPage } from "./lib/lean/serve";
import { env } from "./lib/env";
import { countVisit, isVisit } from "./lib/statistics/visit-counter";

const intl = createMiddleware(routing);

/**
 * Locale routing: `/` goes to the browser's language (Arabic when unsure), paths without a
 * prefix get one. Server actions' posts first pass the HTTP edge (origin, size: 403/413 rather
 * than Next's 500; lib/http/action-gate.ts). Every page gets its Content-Security-Policy
 * (lib/security/csp.ts, docs/adr/0014). Authorisation is not decided here but in every page and
 * action.
 */
export default async function proxy(request: NextRequest) {
  const refused = await refuseAction(request);
  if (refused) return refused;
  // The server reading one of its static pages for the hashes of its inline scripts.
  if (isProbe(request.headers)) return intl(request);
  // Public pages without the React runtime (docs/adr/0021): a visit gets the lean copy, the
  // router (client navigations from signed-in pages, prefetches) gets Next's own answer.
  const { pathname, searchParams } = request.nextUrl;
  // Visits of the public sections, counted here because lean pages are answered here: one
  // increment in memory, no cookie, no address (lib/statistics/visit-counter.ts).
  if (isVisit(request.method, request.headers)) countVisit(pathname);
  let full: string[] | null = null;
  if ((request.method === "GET" || request.method === "HEAD") && isLeanCandidate(pathname) && !isRouterRequest(request.headers, searchParams) && !request.headers.has(FULL_PAGE_HEADER)) {
    const page = await leanPage(pathname, env().PORT);
    if (page instanceof Response) return page;
    if (page) full = page.full;
  }
  const security = await pageSecurity({ method: request.method, pathname: request.nextUrl.pathname });
  let forwarded = request;
  if (security.requestPolicy) {
    // Next takes the nonce for its own scripts from the request's CSP header (a dynamic render).
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", security.requestPolicy);
    forwarded = new NextRequest(request.url, { headers, method: request.method });
  }
  const response = intl(forwarded);
  for (const [name, value] of Object.entries(security.headers)) response.headers.set(name, value);
  // Why a public page was not served lean: its client leaves without an enhancement (the bench
  // reads it). Their names are the code's export names, so a real deployment says only "full".
  if (full) response.headers.set("x-idarti-lean", leanWhyVisible() ? `full: ${full.join(" ") || "?"}` : "full");
  return response;
}

/** The leaves' names in the header: in development, tests and the demo (the bench), never in production. */
function leanWhyVisible(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" || e.DEMO_MODE;
}

export const config = {
  // Everything except API routes, Next internals, the service worker and files with an extension.
  matcher: ["/((?!api|_next|_vercel|serwist|.*\\..*).*)"],
};
