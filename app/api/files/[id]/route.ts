import { getActor } from "@/lib/auth/session";
import { serveUpload } from "@/lib/documents/uploads/http";
import { edge } from "@/lib/http/edge";

export const dynamic = "force-dynamic";

/** An attachment, to whoever may read it (404 to everyone else, so ids cannot be probed). */
export const GET = edge({}, async (_request: Request, { params }: RouteContext<"/api/files/[id]">) => {
  const { id } = await params;
  return serveUpload({ id, actor: await getActor() });
});
