import type { APIRequestContext } from "@playwright/test";

/** Freezes the server's clock (TEST_CLOCK mode) at `at`, or lets it run again with null. */
export async function setServerClock(request: APIRequestContext, at: Date | null) {
  const res = await request.post("/api/test/clock", { data: { now: at ? at.toISOString() : null } });
  if (!res.ok()) throw new Error(`clock: ${res.status()}`);
}
