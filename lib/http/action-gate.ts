import { env } from "@/lib/env";
import { SERVER_ACTION_MAX_BYTES } from "./limits";
import { originAllowed } from "./origin";

/**
 * The HTTP edge of server actions (a POST to a page), which Next.js handles before any code of
 * ours runs: left to it, a foreign Origin, a body past the limit or a body that is not an encoded
 * call end in a 500. Here they get their honest codes, in the edge's error shape: 403 and 413
 * before the body is read, 400 for a JS call whose arguments are not the JSON array React sends
 * (a form's call is multipart and left to Next and lib/safe-action.ts). Null: the request may go on.
 */
export async function refuseAction(req: Request): Promise<Response | null> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  const answer = (status: number, code: string) =>
    Response.json({ error: { code } }, { status, headers: { "cache-control": "no-store", connection: "close" } });
  if (!originAllowed(req.method, req.headers, env().APP_URL)) return answer(403, "forbidden");
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > SERVER_ACTION_MAX_BYTES) return answer(413, "tooLarge");
  if (req.headers.get("next-action") && (req.headers.get("content-type") ?? "").startsWith("text/plain")) {
    let args: unknown;
    try {
      args = JSON.parse(await req.clone().text());
    } catch {
      return answer(400, "badRequest");
    }
    if (!Array.isArray(args)) return answer(400, "badRequest");
  }
  return null;
}
