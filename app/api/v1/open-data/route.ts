import { edge } from "@/lib/http/edge";
import { openDataIndex } from "@/lib/statistics/http";

export const dynamic = "force-dynamic";

/** The open-data datasets (documented on /[locale]/open-data). */
export const GET = edge({}, async (req: Request) => openDataIndex(new URL(req.url).origin));
