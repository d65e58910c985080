import type { Actor } from "@/lib/auth/roles";

type CaseOwnership = { citizenId: string; bodyId: string };

/**
 * Who may see a case: the citizen it belongs to, and staff of the body it is routed to (admins:
 * every body). Everyone else is told it does not exist (404), so references cannot be probed.
 */
export function canView(actor: Pick<Actor, "userId" | "role" | "bodyId">, c: CaseOwnership): boolean {
  if (actor.role === "citizen") return c.citizenId === actor.userId;
  if (actor.role === "admin") return true;
  if (actor.role === "agent" || actor.role === "official") return actor.bodyId !== null && actor.bodyId === c.bodyId;
  return false;
}

/** Staff access (internal events, notes, status changes) to a case they can view. */
export function isCaseStaff(actor: Pick<Actor, "userId" | "role" | "bodyId">, c: CaseOwnership): boolean {
  return actor.role !== "citizen" && canView(actor, c);
}
