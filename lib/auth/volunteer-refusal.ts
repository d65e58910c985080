import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/**
 * "The volunteer never submits or pays" (issue 18), as one rule for every server edge: the safe
 * action wrapper (lib/safe-action.ts), requireActor (API routes) and the outbox's HTTP endpoint.
 * An action open to citizens is the citizen's own: a volunteer's account is refused with a message
 * that says why (not the generic "not allowed"), whatever the page showed or hid.
 */
export function volunteerRefusal(role: Role, allowed: readonly Role[] | "signed-in" | "public"): AppError | null {
  if (role !== "volunteer") return null;
  const citizens = allowed === "signed-in" ? false : allowed === "public" ? false : allowed.includes("citizen") && !allowed.includes("volunteer");
  return citizens ? new AppError("forbidden", { messageKey: "Guidance.errors.volunteerCannotAct" }) : null;
}

/** The same rule for code that acts for "whoever is signed in" as a citizen (filing a case). */
export function refuseVolunteer(role: Role): void {
  const refusal = volunteerRefusal(role, ["citizen"]);
  if (refusal) throw refusal;
}
