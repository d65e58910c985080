import "server-only";
import { headers } from "next/headers";

/**
 * "Error: " before the page title when a form sent without JavaScript comes back with errors
 * (WCAG 2.4.3, 3.3.1; the GOV.UK pattern). Without JavaScript the browser shows the page's first
 * <title>, which is the page's metadata: the action that failed marks this request, and the
 * page's generateMetadata (lib/i18n/page-title.ts) reads the mark while the same request renders
 * the answer. The mark is the request's own headers object, so it can never reach another request.
 * (With JavaScript, components/ui/error-summary.tsx prefixes document.title itself.)
 */
const failed = new WeakSet<object>();

export async function markFormFailed(): Promise<void> {
  try {
    failed.add(await headers());
  } catch {
    // Outside a request (a unit test): nothing to mark.
  }
}

/** Reads the request: call it only from dynamic pages (a static page has no form to fail). */
export async function formFailedInThisRequest(): Promise<boolean> {
  return failed.has(await headers());
}
