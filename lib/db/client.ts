import "server-only";
import { openDatabase, type Database } from "./open";
import { env } from "@/lib/env";

/**
 * One database per process: PGlite (embedded, a folder on disk) by default, a PostgreSQL pool
 * when DATABASE_URL is set. The same schema and migrations serve both.
 */
// Held on globalThis, not in a module variable: Next bundles route handlers and pages as separate
// entries, each with its own copy of this module, and two PGlite instances on one data folder in
// one process do not see each other's writes (a payment made by a page was unknown to the D17
// callback route). One database per process, whoever asks.
const KEY = Symbol.for("idarti.db");
type Holder = { [KEY]?: Promise<Database> };

export function getDb(): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const e = env();
    holder[KEY] = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, migrate: true }).catch((error: unknown) => {
      // Never cache a failed start: the next request tries again.
      holder[KEY] = undefined;
      throw error;
    });
  }
  return holder[KEY];
}

export type { Database, Db, Tx } from "./open";
