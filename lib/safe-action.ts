import "server-only";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { isStaff, type Actor, type Role } from "@/lib/auth/roles";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { AppError, toAppError, type ErrorCode } from "@/lib/errors";
import { isLocale, defaultLocale, type Locale } from "@/lib/i18n/routing";
import { markFormFailed } from "@/lib/form-error-title";

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

export type ActionContext<I> = {
  input: I;
  actor: Actor | null;
  locale: Locale;
  ip: string | null;
  /** Form actions only: the files the form sent, by field name (empty files left out). */
  files: Record<string, File[]>;
};

export type ActionOptions<S extends z.ZodType, T> = {
  schema: S;
  /** Who may call it. Default: any signed-in person. */
  access?: Access;
  /**
   * Audit entry for this call. Staff calls are always audited (with the action name at least),
   * unless `false`: the run records its own audit row, in the transaction of the change (the
   * case engine, lib/interviews, lib/assisted do), and a second row would say the same.
   */
  audit?: string | ((input: z.infer<S>, result: T) => AuditEntry) | false;
  run: (ctx: ActionContext<z.infer<S>>) => Promise<T>;
};

export function createAction<S extends z.ZodType, T>(opts: ActionOptions<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => runAction(opts, raw, valuesOf(raw));
}

/** For `<form action>` and `useActionState`: takes FormData (repeated names become arrays). */
export function createFormAction<S extends z.ZodType, T>(opts: ActionOptions<S, T>) {
  return async (_prev: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> => {
    const raw = formDataToObject(form);
    return runAction(opts, raw, raw, filesOf(form));
  };
}

export function formDataToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own hidden fields
    if (typeof value !== "string") continue; // files go through lib/documents
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

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

async function runAction<S extends z.ZodType, T>(opts: ActionOptions<S, T>, raw: unknown, values: Record<string, string | string[]>, files: Record<string, File[]> = {}): Promise<ActionResult<T>> {
  const current = await getLocale().catch(() => defaultLocale);
  const locale: Locale = isLocale(current) ? current : defaultLocale;
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null;
  try {
    const access = opts.access ?? "signed-in";
    const actor = await getActor();
    if (access !== "public") {
      if (!actor) throw new AppError("unauthenticated");
      if (Array.isArray(access) && !access.includes(actor.role)) throw new AppError("forbidden");
    }

    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_form";
        fields[key] ??= issue.message;
      }
      throw new AppError("validation", { fields });
    }

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
      data = await opts.run({ input: parsed.data, actor, locale, ip, files });
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
    if (appError.code === "internal") console.error("action failed", error);
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
