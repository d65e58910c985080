import { getSearchIndex } from "@/lib/catalogue/search/build-index";

// Built at build time, and again after a publish (lib/content/live.ts revalidates it): the offline
// search box downloads it on first use.
export const dynamic = "force-static";

export function GET() {
  return Response.json(getSearchIndex(), {
    headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" },
  });
}
