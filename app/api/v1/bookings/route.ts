import { edge } from "@/lib/http/edge";
import { listBookings } from "@/lib/partner-api/ports";
import { partnerRoute } from "@/lib/partner-api/server";
import { partnerPorts } from "@/app/_partner-api/wiring";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Partner API: the body's interview bookings (`listBookings`). */
export const GET = edge({ origin: "any" }, partnerRoute("listBookings", (call) => listBookings(call, partnerPorts)));
