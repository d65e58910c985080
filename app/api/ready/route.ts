import { edge, DEFAULT_RETRY_AFTER_503 } from "@/lib/http/edge";
import { readiness } from "@/lib/http/readiness";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Readiness: 200 when this instance can serve (database migrated, file store writable), else 503. */
export const GET = edge({}, async () => {
  const r = await readiness();
  return Response.json(
    { status: r.ready ? "ready" : "not-ready", database: r.database, storage: r.storage },
    { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(r.ready ? {} : { "Retry-After": String(DEFAULT_RETRY_AFTER_503) }) } },
  );
});
