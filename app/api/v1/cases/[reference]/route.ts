import { edge } from "@/lib/http/edge";
import { getCase } from "@/lib/partner-api/cases";
import { partnerRoute } from "@/lib/partner-api/server";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Partner API: one case of the key's body with its timeline (`getCase`). */
export const GET = edge({ origin: "any" }, partnerRoute("getCase", getCase));
