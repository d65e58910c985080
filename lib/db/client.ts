import "server-only";
import { openDatabase, type Database } from "./open";
import { env } from "@/lib/env";

/**
 * One database per process: PGlite (embedded, a folder on disk) by default, a PostgreSQL pool
 * when DATABASE_URL is set. The same schema and migrations serve both.
 */
// On globalThis, not in a module variable: a Next build bundles pages, server actions and route
// handlers separately, each with its own copy of this module. Per-module singletons would open
// two PGlite instances on one data directory in one process — each blind to the other's writes
// (a session created by a sign-in action invisible to an API route) and corrupting the files.
const slot = globalThis as typeof globalThis & { __idartiDb?: Promise<Database> };

export function getDb(): Promise<Database> {
  if (!slot.__idartiDb) {
    const e = env();
    slot.__idartiDb = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, migrate: true }).catch((error: unknown) => {
      // Never cache a failed start: the next request tries again.
      slot.__idartiDb = undefined;
      throw error;
    });
  }
  return slot.__idartiDb;
}

export type { Database, Db, Tx } from "./open";
