import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { refuseAction } from "./lib/http/action-gate";
import { routing } from "./lib/i18n/routing";

const intl = createMiddleware(routing);

/**
 * Locale routing: `/` goes to the browser's language (Arabic when unsure), paths without a
 * prefix get one. Server actions' posts first pass the HTTP edge (origin, size: 403/413 rather
 * than Next's 500). Authorisation is not decided here but in every page and action.
 */
export default async function proxy(req: NextRequest) {
  return (await refuseAction(req)) ?? intl(req);
}

export const config = {
  // Everything except API routes, Next internals, the service worker and files with an extension.
  matcher: ["/((?!api|_next|_vercel|serwist|.*\\..*).*)"],
};
