import "server-only";
import { getDb } from "@/lib/db/client";
import { probeDatabase, type DatabaseProbe } from "@/lib/db/health";
import { probeStorage } from "@/lib/documents/uploads/storage";

/**
 * What a load balancer asks before sending traffic to this instance (docs/operations.md):
 * the database answers with every migration of this build, and the file store takes a write.
 * Kept for a few seconds so that a balancer polling every second does not write a file each time.
 */
export type Readiness = { ready: boolean; database: DatabaseProbe | { ok: false; ms: 0; error: string }; storage: { ok: boolean; ms: number; error?: string } };

const KEEP_MS = 5_000;
let last: { at: number; value: Promise<Readiness> } | null = null;

export function readiness(now = Date.now()): Promise<Readiness> {
  if (last && now - last.at < KEEP_MS) return last.value;
  const value = probe();
  last = { at: now, value };
  return value;
}

async function probe(): Promise<Readiness> {
  const [database, storage] = await Promise.all([
    getDb().then(
      (d) => probeDatabase(d.db),
      () => ({ ok: false as const, ms: 0 as const, error: "db-unavailable" }),
    ),
    probeStorage(),
  ]);
  return { ready: database.ok && storage.ok, database, storage };
}
