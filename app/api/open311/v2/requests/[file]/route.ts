import { edge } from "@/lib/http/edge";
import { open311Request } from "@/lib/statistics/http";

export const dynamic = "force-dynamic";

/** Open311 GeoReport v2: requests/{service_request_id}.json|xml (one service request). */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/open311/v2/requests/[file]">) => open311Request(req, (await ctx.params).file));
