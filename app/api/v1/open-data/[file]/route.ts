import { edge } from "@/lib/http/edge";
import { openDataFile } from "@/lib/statistics/http";

export const dynamic = "force-dynamic";

/** One dataset by day, as CSV or JSON: /api/v1/open-data/cases.csv?from=2026-01-01&to=2026-01-31 */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/v1/open-data/[file]">) => openDataFile(req, (await ctx.params).file));
