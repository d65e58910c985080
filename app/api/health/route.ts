import { edge } from "@/lib/http/edge";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Liveness: the process answers HTTP. Nothing else is checked here on purpose — a database
 * outage must take the instance out of the balancer (/api/ready), not get it restarted in a loop.
 */
export const GET = edge({}, async () =>
  Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } }),
);
