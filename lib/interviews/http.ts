import "server-only";
import { AppError, toAppError } from "@/lib/errors";

/** API answers for the call: a closed code and a status, never a message from inside. */
export function errorResponse(error: unknown): Response {
  const e = toAppError(error);
  if (e.code === "internal") console.error("interviews api", error);
  return Response.json({ code: e.code, key: e.messageKey ?? null }, { status: e.status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Browsers send Origin on every POST; one from another site is refused (cookies would otherwise
 * ride along). JSON bodies also force a CORS preflight, which we never grant.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) throw new AppError("forbidden");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden");
  }
  if (originHost !== host) throw new AppError("forbidden");
  if (!(req.headers.get("content-type") ?? "").startsWith("application/json")) throw new AppError("validation");
}
