import { edge } from "@/lib/http/edge";
import { finishVisit } from "@/lib/kiosk/visit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** "Finish and clear" at a self-service corner (lib/kiosk/visit.ts). */
export const POST = edge({ maxBytes: 1024 }, (req: Request) => finishVisit(req));
