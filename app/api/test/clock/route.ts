import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { setTestClock } from "@/lib/clock";

export const dynamic = "force-dynamic";

const body = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

/** Moves the server clock in tests. Exists only when TEST_CLOCK=true; 404 otherwise. */
export async function POST(req: Request) {
  if (!env().TEST_CLOCK) return new NextResponse(null, { status: 404 });
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "validation" }, { status: 422 });
  await setTestClock(parsed.data.now ? new Date(parsed.data.now) : null);
  return NextResponse.json({ ok: true });
}
