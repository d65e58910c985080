import "server-only";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/roles";
import { loadDashboard } from "./aggregates";
import { periodSchema, resolvePeriod } from "./period";
import { parseScope, scopeFor, type Scope } from "./scope";

/**
 * The dashboard of one staff member for what the address asks (scope, from, to): the scope
 * they may see (refused otherwise), the period checked (its errors returned for the GET form,
 * the default period used meanwhile).
 */
export async function dashboardFor(actor: Actor, query: { scope?: string; from?: string; to?: string }) {
  const scope: Scope = scopeFor(actor, parseScope(query.scope));
  const at = await now();
  const parsed = periodSchema.safeParse({ from: query.from ?? "", to: query.to ?? "" });
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join(".") || "from"] ??= issue.message;
  const period = resolvePeriod(parsed.success ? parsed.data : {}, at);
  const { db } = await getDb();
  return { scope, period, errors, data: await loadDashboard({ db, scope, period, now: at }) };
}
