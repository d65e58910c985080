import { edge } from "@/lib/http/edge";
import { extractToken } from "@/lib/documents/compact";
import { defaultLocale, isLocale, localePath } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

/**
 * The verify page's GET form lands here (the page itself is prerendered, so it cannot read the
 * query): a short printed code goes to the server check /xx/verify/CODE; a long QR code goes
 * back to the page after `#`, where the browser checks it; nothing typed goes back to the form.
 */
export const GET = edge({}, async (request: Request) => {
  const url = new URL(request.url);
  const asked = url.searchParams.get("locale") ?? "";
  const locale = isLocale(asked) ? asked : defaultLocale;
  const typed = (url.searchParams.get("code") ?? "").trim();
  const token = extractToken(typed);
  const location = token
    ? `${localePath(locale, "/verify")}#${token}`
    : typed
      ? localePath(locale, `/verify/${encodeURIComponent(typed.toUpperCase().replace(/\s+/g, "-").slice(0, 40))}`)
      : localePath(locale, "/verify");
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
});
