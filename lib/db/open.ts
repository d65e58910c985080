import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Raw SQL for LISTEN/NOTIFY and administration. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(process.cwd(), "lib/db/migrations");

/** Opens (and by default migrates) a database. Used by the app, the scripts and the tests. */
export async function openDatabase(opts: { url?: string; pgliteDir?: string; pgliteSharedBuffers?: string; migrate?: boolean }): Promise<Database> {
  const database = opts.url ? await openPostgres(opts.url) : await openPglite(opts.pgliteDir ?? "./data/pglite", opts.pgliteSharedBuffers);
  if (opts.migrate !== false) await migrateDatabase(database);
  return database;
}

async function openPglite(dir: string, sharedBuffers?: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = dir === "memory://" ? dir : path.resolve(dir);
  // PGlite.create does not create parent folders.
  if (dataDir !== "memory://") await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, startParams: pgliteStartParams(PGlite.defaultStartParams, sharedBuffers) });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    async listen(channel, onMessage) {
      const unsub = await client.listen(channel, onMessage);
      return unsub;
    },
    close: () => client.close(),
  };
}

/**
 * PGlite's own settings plus a smaller buffer pool. PostgreSQL's default `shared_buffers` (128 MB)
 * lives inside PGlite's WebAssembly memory, i.e. in the app's resident memory, while the data
 * files it caches are read through the operating system's page cache anyway (PGlite keeps them on
 * disk). Issue 19 §3: 16 MB cut the server's RSS by ~100 MB (bench-load's memory rows);
 * PGLITE_SHARED_BUFFERS (lib/env.ts) sets another size; the scripts and tests use the default.
 */
export function pgliteStartParams(defaults: readonly string[], sharedBuffers = "16MB"): string[] {
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) throw new Error(`PGLITE_SHARED_BUFFERS: a size like 16MB, not ${sharedBuffers}`);
  return [...defaults, "-c", `shared_buffers=${sharedBuffers}`];
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    async listen(channel, onMessage) {
      // One dedicated connection per listener: LISTEN is per session.
      const client = await pool.connect();
      client.on("notification", (n) => {
        if (n.channel === channel) onMessage(n.payload ?? "");
      });
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
        client.release();
      };
    },
    close: () => pool.end(),
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("channel names are lowercase snake_case");
  return name;
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}
