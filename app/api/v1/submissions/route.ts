import { edge } from "@/lib/http/edge";
import { handleSubmission } from "@/lib/outbox/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The client outbox posts here (see lib/outbox/http.ts for the contract). */
export const POST = edge({ maxBytes: 256 * 1024 }, (req: Request) => handleSubmission(req));
