import "server-only";
import { openDatabase, type Database } from "./open";
import { env } from "@/lib/env";

/**
 * One database per process: PGlite (embedded, a folder on disk) by default, a PostgreSQL pool
 * when DATABASE_URL is set. The same schema and migrations serve both.
 */
// Kept on globalThis: Next bundles pages, route handlers and instrumentation.ts separately, and
// each bundle would otherwise get its own copy of this module — two PGlite instances on one
// folder in one process, each blind to the other's writes.
const KEY = Symbol.for("idarti.db");
const holder = globalThis as unknown as Record<symbol, Promise<Database> | undefined>;

export function getDb(): Promise<Database> {
  if (!holder[KEY]) {
    const e = env();
    holder[KEY] = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS, migrate: true }).catch((error: unknown) => {
      // Never cache a failed start: the next request tries again.
      holder[KEY] = undefined;
      throw error;
    });
  }
  return holder[KEY];
}

export type { Database, Db, Tx } from "./open";
