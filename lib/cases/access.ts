import type { Actor } from "@/lib/auth/roles";
import { GENERIC_MUNICIPALITY } from "@/lib/municipalities/municipalities";

type CaseOwnership = { citizenId: string; bodyId: string; houseId?: string | null };
type CaseViewer = Pick<Actor, "userId" | "role" | "bodyId"> & { houseId?: string | null };

/**
 * An agent of the service house a case was filed at or for (a walk-in citizen at the counter).
 * The citizen comes back to that counter to ask where it stands, so the house's agents follow
 * it — whatever body it went to. Officials are never house staff: they work for a body.
 */
export function isHouseAgent(actor: CaseViewer, c: CaseOwnership): boolean {
  return actor.role === "agent" && Boolean(actor.houseId) && actor.houseId === c.houseId;
}

/**
 * The body whose cases an agent or official works on. A municipal account works for ONE
 * municipality (`municipality-<slug>`); an account still on the generic "municipality" has no
 * queue until an admin gives it its town (staff/admin/municipalities) — otherwise it would see
 * every case not yet placed, from the whole country.
 */
export function workingBodyOf(actor: Pick<Actor, "role" | "bodyId">): string | null {
  if (actor.role !== "agent" && actor.role !== "official") return null;
  if (!actor.bodyId || actor.bodyId === GENERIC_MUNICIPALITY) return null;
  return actor.bodyId;
}

/** Staff of the body the case is routed to (admins: every body). */
function isBodyStaff(actor: CaseViewer, c: CaseOwnership): boolean {
  if (actor.role === "admin") return true;
  const body = workingBodyOf(actor);
  return body !== null && body === c.bodyId;
}

/**
 * Who may see a case: the citizen it belongs to, staff of the body it is routed to (admins:
 * every body), and agents of the service house it was filed at. Everyone else is told it does
 * not exist (404), so references cannot be probed.
 */
export function canView(actor: CaseViewer, c: CaseOwnership): boolean {
  if (actor.role === "citizen") return c.citizenId === actor.userId;
  return isBodyStaff(actor, c) || isHouseAgent(actor, c);
}

/**
 * The body's decisions on a case they can view: status changes through the machine,
 * redirection, deadline adjustments, assignment, moderation. Only staff of the body (and
 * admins): an agent of the filing house is not the body and decides nothing for it.
 */
export function isCaseStaff(actor: CaseViewer, c: CaseOwnership): boolean {
  return actor.role !== "citizen" && isBodyStaff(actor, c);
}

/**
 * Working on a case without deciding it: open the staff page, read the internal timeline and
 * files, reply to the citizen (public) and add notes (internal). Body staff, and agents of the
 * filing house — who hear the citizen at the counter and pass on what they learn.
 */
export function canCorrespond(actor: CaseViewer, c: CaseOwnership): boolean {
  return actor.role !== "citizen" && (isBodyStaff(actor, c) || isHouseAgent(actor, c));
}
