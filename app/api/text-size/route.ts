import { env } from "@/lib/env";
import { edge } from "@/lib/http/edge";
import { parseTextSize, safeReturnPath, textSizeCookie } from "@/lib/shell/text-size";

export const dynamic = "force-dynamic";

/**
 * The header's text-size buttons without JavaScript: a GET form lands here, the choice goes in a
 * cookie and the person goes back to the page they were on. (With JavaScript the buttons set the
 * same cookie in the page and never come here.) Only a path of this site is a return target.
 */
export const GET = edge({}, async (request: Request) => {
  const url = new URL(request.url);
  const size = parseTextSize(url.searchParams.get("size"));
  const back = safeReturnPath(url.searchParams.get("back"));
  const headers = new Headers({ location: back, "cache-control": "no-store" });
  if (size) headers.append("set-cookie", textSizeCookie(size, env().APP_URL.startsWith("https:")));
  return new Response(null, { status: 303, headers });
});
