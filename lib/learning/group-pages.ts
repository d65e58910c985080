import "server-only";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { listUpcomingSessions, listVolunteerSessions, myRegistrations } from "./groups";

/** What the group-session pages read, with the app's database and clock. */
export async function upcomingGroupSessions(opts: { houseId?: string } = {}) {
  const { db } = await getDb();
  return listUpcomingSessions({ db, now: await now(), houseId: opts.houseId });
}

export async function groupSessionsOfVolunteer(volunteerId: string) {
  const { db } = await getDb();
  return listVolunteerSessions({ db, volunteerId, now: await now() });
}

export async function myGroupRegistrations(userId: string) {
  const { db } = await getDb();
  return myRegistrations({ db, userId, now: await now() });
}
