import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { AppError, toAppError } from "@/lib/errors";
import { originAllowed } from "./origin";
import { log } from "@/lib/log";

/**
 * The one HTTP edge of every `app/api` route: origin policy (lib/http/origin.ts), a body size
 * limit checked before the body is read (413), JSON read and parsed here (400 when it is not JSON
 * or not of the expected shape; 422 is left for answers a person can fix field by field), one
 * error shape `{ error: { code, key?, fields?, values? } }`, and `Retry-After` on every 429 and
 * 503. Route files only compose: `export const POST = edge({ maxBytes }, async (req, ctx) => …)`.
 */
export type EdgeOptions = {
  /**
   * "same" (default): a request that changes something must come from a page of this app.
   * "any": callers that are not browsers and prove themselves otherwise (D17's signed callbacks).
   */
  origin?: "same" | "any";
  /** The largest body accepted, in bytes; default 64 kB. */
  maxBytes?: number;
};

export const DEFAULT_MAX_BYTES = 64 * 1024;
/** When to come back after a 503 when the code that refused did not say. */
export const DEFAULT_RETRY_AFTER_503 = 5;
/** When to come back after a 429 when the limit did not say. */
export const DEFAULT_RETRY_AFTER_429 = 60;

export function edge<A extends unknown[]>(opts: EdgeOptions, handler: (req: Request, ...rest: A) => Promise<Response>) {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  return async (req: Request, ...rest: A): Promise<Response> => {
    try {
      if ((opts.origin ?? "same") === "same" && !originAllowed(req.method, req.headers, env().APP_URL)) throw new AppError("forbidden");
      const length = req.headers.get("content-length");
      if (length !== null && Number(length) > maxBytes) throw new AppError("tooLarge", { values: { maxBytes } });
      limits.set(req, maxBytes);
      return await handler(req, ...rest);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

// The limit a route declared, for the readers below (a body without Content-Length is counted as it streams).
const limits = new WeakMap<Request, number>();

/** The body as text, refused with 413 past the route's limit even when no Content-Length was sent. */
export async function readText(req: Request, maxBytes = limits.get(req) ?? DEFAULT_MAX_BYTES): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("tooLarge", { values: { maxBytes } });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body as JSON of the given shape: 400 when it is not JSON or not that shape. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes?: number): Promise<z.infer<S>> {
  const text = await readText(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("badRequest");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("badRequest");
  return parsed.data;
}

/** A multipart or urlencoded body: 400 when it cannot be read as a form. */
export async function readForm(req: Request): Promise<FormData> {
  try {
    return await req.formData();
  } catch {
    throw new AppError("badRequest");
  }
}

/** The one error answer: a closed code (never a message from inside), `Retry-After` where it means something. */
export function errorResponse(error: unknown, extra: Record<string, unknown> = {}): Response {
  const e = toAppError(error);
  if (e.code === "internal") log.error("api.error", error);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  const retryAfter = retryAfterOf(e);
  if (retryAfter !== null) headers["retry-after"] = String(retryAfter);
  const body = {
    error: {
      code: e.code,
      ...(e.messageKey ? { key: e.messageKey } : {}),
      ...(e.fields ? { fields: e.fields } : {}),
      ...(e.values ? { values: e.values } : {}),
      ...extra,
    },
  };
  return Response.json(body, { status: e.status, headers });
}

export function retryAfterOf(e: AppError): number | null {
  if (e.code !== "rateLimited" && e.code !== "unavailable") return null;
  if (e.retryAfterSeconds && e.retryAfterSeconds > 0) return Math.ceil(e.retryAfterSeconds);
  const minutes = Number(e.values?.minutes);
  if (Number.isFinite(minutes) && minutes > 0) return Math.ceil(minutes * 60);
  return e.code === "rateLimited" ? DEFAULT_RETRY_AFTER_429 : DEFAULT_RETRY_AFTER_503;
}
