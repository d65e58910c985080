import "server-only";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { isStaff, type Actor, type Role } from "@/lib/auth/roles";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { AppError, toAppError, validationError, type ErrorCode } from "@/lib/errors";
import { isLocale, defaultLocale, type Locale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { markFormFailed } from "@/lib/form-error-title";
import { formDataToObject } from "@/lib/http/form-data";
import { volunteerRefusal } from "@/lib/auth/volunteer-refusal";
import { log } from "@/lib/log";

/**
 * The one way to write a server action: auth → parse → run → audit, and a result that is a
 * discriminated union with messages already translated into the user's language.
 *
 * Zod messages are message keys ("Complaint.errors.descriptionRequired"); they are translated
 * here. Next.js already refuses server actions whose Origin does not match the host.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      /** The summary message, translated. */
      message: string;
      /** Field name → translated message, for the error summary and each field. */
      fieldErrors: Record<string, string>;
      /** What the user sent, returned so that a form without JavaScript loses nothing. */
      values: Record<string, string | string[]>;
    };

type Access = "public" | "signed-in" | readonly Role[];

/** Signed in whenever the access requires it: the wrapper has checked, the action need not. */
type ActorFor<A extends Access> = A extends "public" ? Actor | null : Actor;

export type ActionContext<I, A extends Access = Access> = {
  input: I;
  actor: ActorFor<A>;
  locale: Locale;
  ip: string | null;
  /** Form actions only: the files the form sent, by field name (empty files left out). */
  files: Record<string, File[]>;
};

export type ActionOptions<S extends z.ZodType, T, A extends Access = "signed-in"> = {
  schema: S;
  /** Who may call it. Default: any signed-in person. */
  access?: A;
  /**
   * Audit entry for this call. Staff calls are always audited (with the action name at least),
   * unless `false`: the run records its own audit row, in the transaction of the change (the
   * case engine, lib/interviews, lib/assisted do), and a second row would say the same.
   */
  audit?: string | ((input: z.infer<S>, result: T) => AuditEntry) | false;
  run: (ctx: ActionContext<z.infer<S>, A>) => Promise<T>;
};

export function createAction<S extends z.ZodType, T, const A extends Access = "signed-in">(opts: ActionOptions<S, T, A>) {
  return async (raw: unknown): Promise<ActionResult<T>> => runAction(opts, raw, valuesOf(raw));
}

/** For `<form action>` and `useActionState`: takes FormData (repeated names become arrays). */
export function createFormAction<S extends z.ZodType, T, const A extends Access = "signed-in">(opts: ActionOptions<S, T, A>) {
  return async (_prev: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    // Called with something else than a form (a hand-made request): a malformed call, not a crash.
    if (!(form instanceof FormData)) return runAction(opts, MALFORMED, {});
    const raw = formDataToObject(form);
    return runAction(opts, raw, raw, filesOf(form));
  };
}

/** A form action called with something else than a form: refused as badRequest, after auth. */
const MALFORMED = Symbol("malformed");

function filesOf(form: FormData): Record<string, File[]> {
  const out: Record<string, File[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" || value.size === 0) continue;
    (out[key] ??= []).push(value);
  }
  return out;
}

function valuesOf(raw: unknown): Record<string, string | string[]> {
  if (!raw || typeof raw !== "object") return {};
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v;
  }
  return out;
}

async function runAction<S extends z.ZodType, T, A extends Access>(opts: ActionOptions<S, T, A>, raw: unknown, values: Record<string, string | string[]>, files: Record<string, File[]> = {}): Promise<ActionResult<T>> {
  const current = await getLocale().catch(() => defaultLocale);
  const locale: Locale = isLocale(current) ? current : defaultLocale;
  const h = await headers();
  // The one client-address rule (TRUSTED_PROXY_HOPS): the left-most X-Forwarded-For is the client's to choose.
  const ip = clientIp(h);
  try {
    const access: Access = opts.access ?? "signed-in";
    const actor = await getActor();
    if (access !== "public") {
      if (!actor) throw new AppError("unauthenticated");
      // A volunteer guides; the citizen's own actions (filing, paying, booking) are refused to
      // their account with a message that says so (issue 18), and the attempt is audited.
      const refusal = volunteerRefusal(actor.role, access);
      if (refusal) {
        const { db } = await getDb();
        await recordAudit(db, actor, { action: "guidance.refused", detail: { access: access as string[] } }, ip);
        throw refusal;
      }
      if (Array.isArray(access) && !access.includes(actor.role)) throw new AppError("forbidden");
    }

    if (raw === MALFORMED) throw new AppError("badRequest");
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error.issues);

    const audit = async (result: { data: T } | null) => {
      if (opts.audit === false || (!opts.audit && !(actor && isStaff(actor.role)))) return;
      const entry: AuditEntry =
        typeof opts.audit === "function"
          ? result
            ? opts.audit(parsed.data, result.data)
            : auditWithoutResult(opts.audit, parsed.data)
          : { action: opts.audit ?? "action" };
      const { db } = await getDb();
      await recordAudit(db, actor, entry, ip);
    };

    let data: T;
    try {
      // Checked above: an action whose access is not "public" only runs with a signed-in actor.
      data = await opts.run({ input: parsed.data, actor: actor as ActorFor<A>, locale, ip, files });
    } catch (error) {
      // A redirect is how many actions end when they succeed (to the page that shows the
      // result): they are audited like any other success. notFound() and errors are not.
      if (isNextRedirect(error)) await audit(null);
      throw error;
    }
    await audit({ data });
    return { ok: true, data };
  } catch (error) {
    // Next's redirect()/notFound() are thrown: let them through.
    if (isNextControlFlow(error)) throw error;
    const appError = toAppError(error);
    if (appError.code === "internal") log.error("action.failed", error);
    await markFormFailed();
    return { ok: false, ...(await translateError(appError, locale)), values };
  }
}

async function translateError(error: AppError, locale: Locale) {
  const t = await getTranslations({ locale });
  const loose = t as unknown as ((k: string, v?: Record<string, string | number>) => string) & { has: (k: string) => boolean };
  // Keys come from our own schemas and code; an unknown key falls back to the generic message.
  const tr = (key: string, values?: Record<string, string | number>) =>
    loose.has(key) ? loose(key, values) : loose(`Errors.codes.${error.code}`);
  const fieldErrors: Record<string, string> = {};
  for (const [field, key] of Object.entries(error.fields ?? {})) fieldErrors[field] = tr(key, error.values);
  const message = error.messageKey ? tr(error.messageKey, error.values) : tr(`Errors.codes.${error.code}`, error.values);
  return { code: error.code, message, fieldErrors };
}

/**
 * The audit entry of an action that ended in a redirect, so has no result to give: the entry
 * function gets `undefined`; one that needs the result cannot say more than the action's name.
 */
function auditWithoutResult<I, T>(fn: (input: I, result: T) => AuditEntry, input: I): AuditEntry {
  try {
    return fn(input, undefined as T);
  } catch {
    return { action: "action", detail: { note: "ended in a redirect" } };
  }
}

function isNextRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
