import { getActor } from "@/lib/auth/session";
import { receiveUpload, UPLOAD_REQUEST_MAX_BYTES } from "@/lib/documents/uploads/http";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";

export const dynamic = "force-dynamic";

/**
 * One attachment for a form being filled (field `file`, the form's `draftKey`). The edge checks
 * the origin against the app's public address and the host the browser used (lib/http/origin.ts).
 */
export const POST = edge({ maxBytes: UPLOAD_REQUEST_MAX_BYTES }, async (request: Request) => {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.role !== "citizen" && actor.role !== "agent") throw new AppError("forbidden");
  const row = await receiveUpload({ request, actor });
  return Response.json({ id: row.id, label: row.label, mediaType: row.mediaType, bytes: row.bytes, sha256: row.sha256 }, { status: 201 });
});
