import type { Locale } from "@/lib/i18n/routing";

export const roles = ["citizen", "volunteer", "agent", "official", "admin"] as const;
export type Role = (typeof roles)[number];

/** Staff handle cases, bookings and payments of others; every action they take is audited. */
export const staffRoles = ["agent", "official", "admin"] as const satisfies readonly Role[];

export function isStaff(role: Role): boolean {
  return (staffRoles as readonly Role[]).includes(role);
}

/** The signed-in person, as every page and action sees them. */
export type Actor = {
  userId: string;
  sessionId: string;
  role: Role;
  name: string | null;
  /** E.164, e.g. +21698123456 */
  phone: string;
  locale: Locale;
  /** A catalogue body id (e.g. "steg") for staff; null for citizens. */
  bodyId: string | null;
  /** A service-house id for agents and volunteers attached to a house. */
  houseId: string | null;
  interpreter: boolean;
  /** True until the first-time user has given a name and a language. */
  needsOnboarding: boolean;
};
