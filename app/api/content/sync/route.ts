import { edge, DEFAULT_RETRY_AFTER_503 } from "@/lib/http/edge";
import { syncContent } from "@/lib/content/live";

// Each instance asks itself here on a timer (instrumentation.ts): revalidating pages needs a
// request. Harmless from outside: it reads one integer and does the work only if a publish moved
// it (lib/content/sync.ts). No body; the caller is this instance, not a page ("any" origin).
export const dynamic = "force-dynamic";

export const POST = edge({ origin: "any", maxBytes: 0 }, async () => {
  try {
    const result = await syncContent();
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ error: { code: "unavailable" } }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(DEFAULT_RETRY_AFTER_503) } });
  }
});
