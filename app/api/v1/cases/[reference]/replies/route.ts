import { edge } from "@/lib/http/edge";
import { replyToCase } from "@/lib/partner-api/cases";
import { partnerRoute } from "@/lib/partner-api/server";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Partner API: a public reply to the citizen (`replyToCase`). */
export const POST = edge({ origin: "any", maxBytes: 32 * 1024 }, partnerRoute("replyToCase", replyToCase));
