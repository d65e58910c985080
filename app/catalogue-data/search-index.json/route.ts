import { getSearchIndex } from "@/lib/catalogue/search/build-index";

// Built once at build time: the offline search box downloads it on first use.
export const dynamic = "force-static";

export function GET() {
  return Response.json(getSearchIndex(), {
    headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" },
  });
}
