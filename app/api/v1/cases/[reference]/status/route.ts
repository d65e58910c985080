import { edge } from "@/lib/http/edge";
import { changeCaseStatus } from "@/lib/partner-api/cases";
import { partnerRoute } from "@/lib/partner-api/server";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Partner API: a status change through the case's machine (`changeCaseStatus`). */
export const POST = edge({ origin: "any", maxBytes: 32 * 1024 }, partnerRoute("changeCaseStatus", changeCaseStatus));
