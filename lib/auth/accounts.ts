import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { otpChallenges, users } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/routing";
import type { Role } from "./roles";

/** Where a person lands after signing in when no page asked for them. */
export function homePathFor(role: Role): string {
  return role === "citizen" ? "/my" : role === "volunteer" ? "/volunteer" : "/staff";
}

/** The account a code request was for, once it exists (after the right code). */
export async function accountOfChallenge(db: Db, challengeId: string): Promise<{ role: Role; onboarded: boolean } | null> {
  const [row] = await db
    .select({ role: users.role, onboardedAt: users.onboardedAt })
    .from(otpChallenges)
    .innerJoin(users, eq(users.phone, otpChallenges.phone))
    .where(eq(otpChallenges.id, challengeId));
  return row ? { role: row.role, onboarded: row.onboardedAt !== null } : null;
}

/** First sign-in: the person gives a name and a language. */
export async function completeOnboarding(db: Db, opts: { userId: string; name: string; locale: Locale; now: Date }): Promise<void> {
  await db.update(users).set({ name: opts.name, locale: opts.locale, onboardedAt: opts.now }).where(eq(users.id, opts.userId));
}

export async function updateProfile(db: Db, opts: { userId: string; name: string; locale: Locale; notifySms: boolean }): Promise<void> {
  await db.update(users).set({ name: opts.name, locale: opts.locale, notifySms: opts.notifySms }).where(eq(users.id, opts.userId));
}

export async function getProfile(db: Db, userId: string) {
  const [row] = await db
    .select({ name: users.name, phone: users.phone, locale: users.locale, notifySms: users.notifySms, notifyPush: users.notifyPush, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export type StaffAccount = {
  id: string;
  phone: string;
  name: string | null;
  role: Role;
  bodyId: string | null;
  houseId: string | null;
  officialLevel: "regional" | "central" | null;
  interpreter: boolean;
  locale: string;
  disabled: boolean;
};

/** Everyone who is not a citizen: staff and volunteers, for the administrators' list. */
export async function listStaffAccounts(db: Db): Promise<StaffAccount[]> {
  const rows = await db.select().from(users).where(ne(users.role, "citizen")).orderBy(asc(users.role), asc(users.name));
  return rows.map((u) => ({
    id: u.id,
    phone: u.phone,
    name: u.name,
    role: u.role,
    bodyId: u.bodyId,
    houseId: u.houseId,
    officialLevel: u.officialLevel,
    interpreter: u.interpreter,
    locale: u.locale,
    disabled: u.disabledAt !== null,
  }));
}

export type NewStaffAccount = {
  phone: string;
  name: string;
  role: Exclude<Role, "citizen">;
  bodyId: string | null;
  houseId: string | null;
  officialLevel: "regional" | "central" | null;
  interpreter: boolean;
  locale: Locale;
};

/**
 * An administrator creates a staff or volunteer account (they sign in with their number like
 * everyone). Returns null when the number already has an account: staff are never made out of
 * an existing citizen account silently.
 */
export async function createStaffAccount(db: Db, account: NewStaffAccount, now: Date): Promise<{ id: string } | null> {
  const rows = await db
    .insert(users)
    .values({ ...account, createdAt: now, onboardedAt: now })
    .onConflictDoNothing({ target: users.phone })
    .returning({ id: users.id });
  return rows[0] ?? null;
}

/**
 * Disables (or enables again) a staff or volunteer account; citizens are out of reach here.
 * Returns the holder's name (or number), or null when there is no such account.
 */
export async function setAccountDisabled(db: Db | Tx, opts: { userId: string; disabled: boolean; now: Date }): Promise<string | null> {
  const rows = await db
    .update(users)
    .set({ disabledAt: opts.disabled ? opts.now : null })
    .where(and(eq(users.id, opts.userId), ne(users.role, "citizen")))
    .returning({ name: users.name, phone: users.phone });
  const row = rows[0];
  return row ? (row.name ?? row.phone) : null;
}

/** One staff or volunteer account, for its page. */
export async function getStaffAccount(db: Db, userId: string): Promise<StaffAccount | null> {
  const [u] = await db.select().from(users).where(and(eq(users.id, userId), ne(users.role, "citizen")));
  return u ? { id: u.id, phone: u.phone, name: u.name, role: u.role, bodyId: u.bodyId, houseId: u.houseId, officialLevel: u.officialLevel, interpreter: u.interpreter, locale: u.locale, disabled: u.disabledAt !== null } : null;
}

export type StaffAccountFields = Pick<StaffAccount, "name" | "bodyId" | "houseId" | "officialLevel" | "interpreter"> & { role: Exclude<Role, "citizen"> };

/**
 * Changes an account's role, body, house, level or interpreter flag. Citizens are out of reach
 * (staff are never made out of a citizen's account). Returns what changed, field by field, for
 * the audit log; null when there is no such account. The holder's pages read the account on
 * every request, so the change holds from their next click.
 */
export async function updateStaffAccount(db: Db | Tx, userId: string, next: StaffAccountFields): Promise<Record<string, { from: unknown; to: unknown }> | null> {
  const [before] = await db.select().from(users).where(and(eq(users.id, userId), ne(users.role, "citizen"))).for("update");
  if (!before) return null;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ["name", "role", "bodyId", "houseId", "officialLevel", "interpreter"] as const) {
    if (before[key] !== next[key]) changes[key] = { from: before[key], to: next[key] };
  }
  if (Object.keys(changes).length > 0) await db.update(users).set(next).where(eq(users.id, userId));
  return changes;
}
