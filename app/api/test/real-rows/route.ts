import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";
import { realRowCountsNow } from "@/lib/practice/isolation";

export const dynamic = "force-dynamic";

/**
 * The row counts of the real queues, ledger, agendas and outboxes, for the practice journey to
 * check that practice wrote none (e2e/practice.spec.ts). Exists only when TEST_CLOCK=true; 404 otherwise.
 */
export const POST = edge({ origin: "any" }, async () => {
  if (!env().TEST_CLOCK) throw new AppError("notFound");
  return Response.json(await realRowCountsNow());
});
