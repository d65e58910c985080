import { finishVisit } from "@/lib/kiosk/visit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** "Finish and clear" at a self-service corner (lib/kiosk/visit.ts). */
export function POST(req: Request) {
  return finishVisit(req);
}
