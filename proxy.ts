import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

/**
 * Locale routing only: `/` goes to the browser's language (Arabic when unsure), paths without a
 * prefix get one. Authorisation is not decided here but in every page and action.
 */
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, Next internals, the service worker and files with an extension.
  matcher: ["/((?!api|_next|_vercel|serwist|.*\\..*).*)"],
};
