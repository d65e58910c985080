import { z } from "zod";
import type { GuardContext } from "../machine";
import { text } from "@/lib/text/input";

/**
 * What the requests kinds (complaint, suggestion, municipal-report, info-request) share: field
 * rules, the guards of the citizen's after-sending actions, and the status labels.
 */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);

export function description(prefix: string) {
  return text({ error: `${prefix}.errors.descriptionRequired` })
    .trim()
    .min(1, `${prefix}.errors.descriptionRequired`)
    .min(10, `${prefix}.errors.descriptionTooShort`)
    .max(5000, `${prefix}.errors.descriptionTooLong`);
}

/** Checkbox values as forms send them ("on", "true") or as JSON (true). */
export const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "yes", z.boolean());

export const REOPEN_DAYS = 30;

/** Reopen: within 30 days of the resolution (the moment the case was closed as resolved). */
export function withinReopenWindow(ctx: GuardContext): string | null {
  if (!ctx.closedAt) return "Requests.errors.notResolved";
  const limit = ctx.closedAt.getTime() + REOPEN_DAYS * 86_400_000;
  return ctx.now.getTime() <= limit ? null : "Requests.errors.reopenTooLate";
}

/** Escalate: only once the deadline has passed with the clock running. */
export function overdue(ctx: GuardContext): string | null {
  return ctx.dueAt && ctx.clock === "running" && ctx.now.getTime() > ctx.dueAt.getTime() ? null : "Requests.errors.notOverdue";
}

/** Escalation happens once. */
export function notEscalatedYet(ctx: GuardContext): string | null {
  return ctx.history.some((e) => e.type === "statusChanged" && e.toStatus === "escalated") ? "Requests.errors.alreadyEscalated" : null;
}

export function both(...guards: ((ctx: GuardContext) => string | null)[]) {
  return (ctx: GuardContext) => {
    for (const g of guards) {
      const r = g(ctx);
      if (r) return r;
    }
    return null;
  };
}

/** e-people references as the portal gives them: letters, digits and dashes, 4–40 characters. */
export const epeopleReference = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9/-]{3,39}$/, "Requests.errors.epeopleReference");

export const S = (key: string) => `Requests.status.${key}`;
export const A = (key: string) => `Requests.actions.${key}`;

/** A list title from the citizen's own words (the engine's titles are plain text, not translated). */
export function snippet(text: string, max = 80): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/**
 * Data labels as the administration writes them, in its two languages: the page's one when it
 * is known (an English page reads the French, marked lang="fr" where it is shown), both otherwise.
 */
export function bilingual(name: { ar: string; fr: string } | undefined, dataLang?: "ar" | "fr"): string | undefined {
  if (!name) return undefined;
  return dataLang ? name[dataLang] : `${name.ar} — ${name.fr}`;
}
