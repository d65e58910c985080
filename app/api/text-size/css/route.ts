import { cookies } from "next/headers";
import { edge } from "@/lib/http/edge";
import { parseTextSize, TEXT_SIZE_COOKIE, TEXT_SIZE_ROOT } from "@/lib/shell/text-size";

export const dynamic = "force-dynamic";

/**
 * The chosen text size for a browser without JavaScript, loaded from <noscript> in <head>: the
 * pages themselves stay static (ADR 0001); only this tiny stylesheet depends on the cookie.
 */
export const GET = edge({}, async () => {
  const size = parseTextSize((await cookies()).get(TEXT_SIZE_COOKIE)?.value) ?? "normal";
  return new Response(`html{font-size:${TEXT_SIZE_ROOT[size]}}\n`, {
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": "private, no-cache", vary: "Cookie" },
  });
});
