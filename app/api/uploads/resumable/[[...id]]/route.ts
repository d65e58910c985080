import { getActor } from "@/lib/auth/session";
import { receiveResumable } from "@/lib/documents/uploads/http";
import { RESUMABLE_LIMITS } from "@/lib/documents/uploads/resumable";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id?: string[] }> };

/**
 * Attachments sent in pieces with the tus protocol (lib/documents/uploads/resumable.ts):
 * POST /api/uploads/resumable creates, HEAD/PATCH/DELETE /api/uploads/resumable/<id> ask, append
 * and abandon. Signed-in people who fill forms only, as POST /api/uploads; the edge checks the
 * origin of the requests that change something and refuses a piece over 4 MB before reading it.
 */
async function resumable(request: Request, { params }: Params): Promise<Response> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  if (actor.role !== "citizen" && actor.role !== "agent") throw new AppError("forbidden");
  const { id } = await params;
  if (id !== undefined && id.length !== 1) throw new AppError("notFound");
  return receiveResumable({ request, id: id?.[0] ?? null, actor });
}

const piece = { maxBytes: RESUMABLE_LIMITS.maxChunkBytes };
export const OPTIONS = edge({}, resumable);
export const POST = edge({}, resumable);
export const HEAD = edge({}, resumable);
export const PATCH = edge(piece, resumable);
export const DELETE = edge({}, resumable);
