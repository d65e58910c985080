import { env } from "@/lib/env";
import { edge } from "@/lib/http/edge";
import { openApiDocument } from "@/lib/partner-api/openapi";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The partner API's OpenAPI 3.1 document, generated from the zod schemas its routes parse. */
export const GET = edge({ origin: "any" }, async () =>
  Response.json(openApiDocument({ serverUrl: env().APP_URL }), { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } }),
);
