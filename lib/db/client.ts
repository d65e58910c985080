import "server-only";
import { openDatabase, type Database } from "./open";
import { env } from "@/lib/env";

/**
 * One database per process: PGlite (embedded, a folder on disk) by default, a PostgreSQL pool
 * when DATABASE_URL is set. The same schema and migrations serve both.
 */
let pending: Promise<Database> | undefined;

export function getDb(): Promise<Database> {
  if (!pending) {
    const e = env();
    pending = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, migrate: true }).catch((error: unknown) => {
      // Never cache a failed start: the next request tries again.
      pending = undefined;
      throw error;
    });
  }
  return pending;
}

export type { Database, Db, Tx } from "./open";
