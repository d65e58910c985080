import "server-only";
import { getDb } from "@/lib/db/client";
import { listPublicReports, reportDelegations } from "./reports";

/** What public pages call: they never open the database themselves. */
export async function loadPublicReports(opts: { governorate?: string | null; delegation?: string | null; status?: "open" | "closed" | null; page?: number }) {
  const { db } = await getDb();
  const [list, delegations] = await Promise.all([listPublicReports({ db, ...opts }), reportDelegations({ db })]);
  return { ...list, delegations };
}

/** One report as the public sees it (null when hidden, withdrawn or unknown). */
export async function loadPublicReport(opts: { reference: string }) {
  const { db } = await getDb();
  const { items } = await listPublicReports({ db, reference: opts.reference, pageSize: 1 });
  return items[0] ?? null;
}
