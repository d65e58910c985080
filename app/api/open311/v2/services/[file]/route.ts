import { edge } from "@/lib/http/edge";
import { open311Service } from "@/lib/statistics/http";

export const dynamic = "force-dynamic";

/** Open311 GeoReport v2: services/{service_code}.json|xml (service definition). */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/open311/v2/services/[file]">) => open311Service(req, (await ctx.params).file));
