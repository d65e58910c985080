import { getActor } from "@/lib/auth/session";
import { receiveUpload } from "@/lib/documents/uploads/http";
import { AppError, toAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * One attachment for a form being filled (field `file`, the form's `draftKey`). Same origin only:
 * a route handler does not get the Origin check server actions have.
 */
export async function POST(request: Request) {
  try {
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(request.url).origin) throw new AppError("forbidden");
    const actor = await getActor();
    if (!actor) throw new AppError("unauthenticated");
    if (actor.role !== "citizen" && actor.role !== "agent") throw new AppError("forbidden");
    const row = await receiveUpload({ request, actor });
    return Response.json({ id: row.id, label: row.label, mediaType: row.mediaType, bytes: row.bytes, sha256: row.sha256 }, { status: 201 });
  } catch (error) {
    const e = toAppError(error);
    if (e.code === "internal") console.error("upload failed", error);
    return Response.json({ error: { code: e.code, fields: e.fields ?? {}, values: e.values ?? {} } }, { status: e.status });
  }
}
