import "server-only";
import { getDb } from "@/lib/db/client";
import { listPublicReports, reportDelegations } from "./reports";

/** What public pages call: they never open the database themselves. */
export async function loadPublicReports(opts: { delegation?: string | null; status?: "open" | "closed" | null; page?: number }) {
  const { db } = await getDb();
  const [list, delegations] = await Promise.all([listPublicReports({ db, ...opts }), reportDelegations({ db })]);
  return { ...list, delegations };
}
