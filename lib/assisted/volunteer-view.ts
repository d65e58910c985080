import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { localDateOf, zonedToUtc } from "@/lib/clock/zone";
import { getDb } from "@/lib/db/client";
import { getKind } from "@/lib/cases/kinds";
import { stateOf } from "@/lib/cases/machine";
import { TIME_ZONE } from "@/lib/i18n/format";
import { caseGuidance, citizenFileForVolunteer, citizenGuidanceSessions, guidanceState, volunteerOverview, volunteerSession } from "./guidance";

/** What the volunteer's and the citizen's pages read (they never open the database themselves). */
export async function loadVolunteerHome(actor: Pick<Actor, "userId">) {
  const { db } = await getDb();
  const at = await now();
  const dayStart = zonedToUtc(localDateOf(at, TIME_ZONE), 0, TIME_ZONE);
  return volunteerOverview(db, { volunteerId: actor.userId, now: at, dayStart });
}

export async function loadVolunteerSession(actor: Pick<Actor, "userId">, sessionId: string) {
  const { db } = await getDb();
  const at = await now();
  const session = await volunteerSession(db, { volunteer: actor, sessionId });
  if (!session) return null;
  const found = await citizenFileForVolunteer(db, { volunteer: actor, sessionId, now: at });
  // Kind and status as message keys (the kind's name, its state's label): the page translates them.
  const file = found
    ? {
        ...found,
        cases: found.cases.map((c) => {
          const kind = getKind(c.kind);
          return { reference: c.reference, kindKey: kind?.messages.name ?? c.kind, statusKey: (kind ? stateOf(kind.machine, c.status)?.label : undefined) ?? "Cases.status.unknown" };
        }),
      }
    : null;
  return { session, state: guidanceState(session, at), file };
}

export async function loadCitizenSessions(actor: Pick<Actor, "userId">) {
  const { db } = await getDb();
  return citizenGuidanceSessions(db, { citizenId: actor.userId, now: await now() });
}

export async function loadCaseGuidance(row: { id: string; volunteerId: string | null }) {
  const { db } = await getDb();
  return caseGuidance(db, { caseId: row.id, volunteerId: row.volunteerId });
}
