import { edge } from "@/lib/http/edge";
import { confirmPayment } from "@/lib/partner-api/ports";
import { partnerRoute } from "@/lib/partner-api/server";
import { partnerPorts } from "@/app/_partner-api/wiring";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Partner API: a biller body confirms a payment of its bills; it only ever moves forward (`confirmPayment`). */
export const POST = edge({ origin: "any", maxBytes: 4 * 1024 }, partnerRoute("confirmPayment", (call) => confirmPayment(call, partnerPorts)));
