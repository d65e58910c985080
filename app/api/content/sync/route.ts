import { syncContent } from "@/lib/content/live";

// Each instance asks itself here on a timer (instrumentation.ts): revalidating pages needs a
// request. Harmless from outside: it reads one integer and does the work only if a publish moved
// it (lib/content/sync.ts).
export const dynamic = "force-dynamic";

export async function POST() {
  try {
    const result = await syncContent();
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ error: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
