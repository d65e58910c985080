import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { volunteerRefusal } from "@/lib/auth/volunteer-refusal";
import { localePath, type Locale } from "@/lib/i18n/routing";
import type { Actor, Role } from "./roles";
import { readActor } from "./current";

/** The signed-in person, or null. Checked against the server-side session on every call. */
export async function getActor(): Promise<Actor | null> {
  return readActor();
}

/** For actions and API routes: throws `unauthenticated` / `forbidden` (translated at the edge). */
export async function requireActor(opts: { roles?: readonly Role[] } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  if (opts.roles) {
    // The citizen's own actions refuse a volunteer's account with the reason (issue 18).
    const refusal = volunteerRefusal(actor.role, opts.roles);
    if (refusal) throw refusal;
  }
  if (opts.roles && !opts.roles.includes(actor.role)) throw new AppError("forbidden");
  return actor;
}

/**
 * For pages: sends a visitor to sign in (and back afterwards), a first-time user to the
 * onboarding step, and answers 404 to a signed-in person whose role may not see the page
 * (a 404, not a 403, so that nobody learns what exists).
 */
export async function requirePageActor(locale: Locale, returnTo: string, opts: { roles?: readonly Role[]; allowOnboarding?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`${localePath(locale, "/sign-in")}?returnTo=${encodeURIComponent(returnTo)}`);
  if (actor.needsOnboarding && !opts.allowOnboarding) redirect(`${localePath(locale, "/welcome")}?returnTo=${encodeURIComponent(returnTo)}`);
  if (opts.roles && !opts.roles.includes(actor.role)) notFound();
  return actor;
}
