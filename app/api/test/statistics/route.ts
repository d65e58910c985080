import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";
import { statisticsTestHook } from "@/lib/statistics/test-seed";

export const dynamic = "force-dynamic";

/**
 * The statistics journey's known dataset (lib/statistics/test-seed.ts), written again from
 * scratch; and the visit counters flushed now rather than at the next minute. Exists only when
 * TEST_CLOCK=true; 404 otherwise.
 */
export const POST = edge({ origin: "any" }, async (req: Request) => {
  if (!env().TEST_CLOCK) throw new AppError("notFound");
  return Response.json(await statisticsTestHook(new URL(req.url).searchParams.get("flush") === "visits" ? "flushVisits" : "seed"));
});
