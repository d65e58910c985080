import createMiddleware from "next-intl/middleware";
import { NextRequest } from "next/server";
import { refuseAction } from "./lib/http/action-gate";
import { routing } from "./lib/i18n/routing";
import { isProbe, pageSecurity } from "./lib/security/csp";

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
  return response;
}

export const config = {
  // Everything except API routes, Next internals, the service worker and files with an extension.
  matcher: ["/((?!api|_next|_vercel|serwist|.*\\..*).*)"],
};
