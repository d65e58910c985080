import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { AppError, toAppError } from "@/lib/errors";
import { errorResponse, readJson } from "@/lib/http/edge";
import { defaultLocale, isLocale, localePath, type Locale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { isIdempotencyKey } from "./idempotency";
import { refuseVolunteer } from "@/lib/auth/volunteer-refusal";
import { submitCaseOnce } from "./submit";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { text } from "@/lib/text/input";
import { log } from "@/lib/log";

/**
 * POST /api/v1/submissions — what the client outbox sends.
 *   Idempotency-Key: the key made when the form was opened (16–100 of A-Z a-z 0-9 _ -)
 *   X-Idarti-User: the citizen who typed it (a device may be shared: never send it as another)
 *   body: { kind, payload, locale? }
 * 201 { reference, status, url } the first time; 200 with `Idempotent-Replayed: true` for a replay.
 * Errors: { error: { code, message, fields? } }, translated; 409 code "actorMismatch" means "keep
 * it for its own citizen". Origin, size (413) and JSON (400) are the HTTP edge's (lib/http/edge.ts).
 */
const body = z.object({
  kind: text().min(1).max(60),
  payload: z.record(z.string(), z.unknown()),
  locale: z.string().optional(),
});

type Json = Record<string, unknown>;

function json(status: number, data: Json, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export async function errorBody(error: AppError, locale: Locale): Promise<Json> {
  const t = await getTranslations({ locale });
  const loose = t as unknown as ((k: string, v?: Record<string, string | number>) => string) & { has: (k: string) => boolean };
  const tr = (key: string) => (loose.has(key) ? loose(key, error.values) : loose(`Errors.codes.${error.code}`));
  const fields: Record<string, string> = {};
  for (const [field, key] of Object.entries(error.fields ?? {})) fields[field] = tr(key);
  return { error: { code: error.code, message: error.messageKey ? tr(error.messageKey) : tr(`Errors.codes.${error.code}`), fields } };
}

export async function handleSubmission(req: Request): Promise<Response> {
  let locale: Locale = defaultLocale;
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("unauthenticated");
    locale = actor.locale;
    // Filing is the citizen's own act: a volunteer's account is refused here with its reason.
    refuseVolunteer(actor.role);
    const claimed = req.headers.get("x-idarti-user");
    if (claimed && claimed !== actor.userId) return json(409, { error: { code: "actorMismatch" } });
    const key = req.headers.get("idempotency-key");
    if (!isIdempotencyKey(key)) throw new AppError("validation", { messageKey: "Outbox.errors.badKey" });
    const input = await readJson(req, body);
    if (input.locale && isLocale(input.locale)) locale = input.locale;
    const { db } = await getDb();
    const { result, replayed } = await submitCaseOnce({ db, actor, key, kind: input.kind, payload: input.payload, locale, now: await now(), ip: clientIp(req.headers) });
    if (!replayed) nudgeDispatcher();
    return json(
      replayed ? 200 : 201,
      { reference: result.reference, status: result.status, url: localePath(locale, `/my/cases/${result.reference}`) },
      replayed ? { "idempotent-replayed": "true" } : {},
    );
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "internal") log.error("submission.failed", error);
    const translated = (await errorBody(appError, locale)).error as Record<string, unknown>;
    return errorResponse(appError, { message: translated.message, fields: translated.fields });
  }
}
