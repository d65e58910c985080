import { z } from "zod";
import { env } from "@/lib/env";
import { setTestClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { edge, readJson } from "@/lib/http/edge";

export const dynamic = "force-dynamic";

const body = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

/** Moves the server clock in tests. Exists only when TEST_CLOCK=true; 404 otherwise. */
export const POST = edge({ origin: "any" }, async (req: Request) => {
  if (!env().TEST_CLOCK) throw new AppError("notFound");
  const { now } = await readJson(req, body);
  await setTestClock(now ? new Date(now) : null);
  return Response.json({ ok: true });
});
