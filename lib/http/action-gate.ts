import { env } from "@/lib/env";
import { SERVER_ACTION_MAX_BYTES } from "./limits";
import { originAllowed } from "./origin";

/**
 * The HTTP edge of server actions (a POST to a page), which Next.js handles before any code of
 * ours runs: left to it, a foreign Origin or a body past the limit end in a 500. Here they get
 * their honest codes, in the edge's error shape, before the body is read: 403 and 413.
 * Returns null when the request may go on.
 */
export function refuseAction(req: Request): Response | null {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  const answer = (status: number, code: string) =>
    Response.json({ error: { code } }, { status, headers: { "cache-control": "no-store", connection: "close" } });
  if (!originAllowed(req.method, req.headers, env().APP_URL)) return answer(403, "forbidden");
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > SERVER_ACTION_MAX_BYTES) return answer(413, "tooLarge");
  return null;
}
