import { edge } from "@/lib/http/edge";
import { listCases } from "@/lib/partner-api/cases";
import { partnerRoute } from "@/lib/partner-api/server";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Partner API: the cases routed to the key's body (lib/partner-api/contract.ts `listCases`). */
export const GET = edge({ origin: "any" }, partnerRoute("listCases", listCases));
