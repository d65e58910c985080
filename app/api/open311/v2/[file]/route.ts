import { edge } from "@/lib/http/edge";
import { open311Top } from "@/lib/statistics/http";

export const dynamic = "force-dynamic";

/** Open311 GeoReport v2: services.json|xml (service list), requests.json|xml (service requests). */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/open311/v2/[file]">) => open311Top(req, (await ctx.params).file));
