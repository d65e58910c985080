import { getActor } from "@/lib/auth/session";
import { serveUpload } from "@/lib/documents/uploads/http";
import { isAppError, toAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** An attachment, to whoever may read it (404 to everyone else, so ids cannot be probed). */
export async function GET(_request: Request, { params }: RouteContext<"/api/files/[id]">) {
  const { id } = await params;
  try {
    return await serveUpload({ id, actor: await getActor() });
  } catch (error) {
    const e = toAppError(error);
    if (!isAppError(error)) console.error("file serving failed", error);
    return new Response(null, { status: e.status, headers: { "Cache-Control": "no-store" } });
  }
}
