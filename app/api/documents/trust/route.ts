import { now } from "@/lib/clock";
import { edge } from "@/lib/http/edge";
import { trustList } from "@/lib/documents/trust";

export const dynamic = "force-dynamic";

/**
 * Our document keys by id and the revoked documents: the verify page fetches this when online
 * and keeps it on the phone for checking QR codes offline (ADR 0017). Public, but never cached
 * on the way: a revocation must reach the next phone that asks.
 */
export const GET = edge({}, async () => {
  const list = await trustList(await now());
  return Response.json(list, { headers: { "cache-control": "no-store" } });
});
