import { handleSubmission } from "@/lib/outbox/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The client outbox posts here (see lib/outbox/http.ts for the contract). */
export function POST(req: Request) {
  return handleSubmission(req);
}
