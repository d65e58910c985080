import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_DIR, type Db } from "./open";

export type DatabaseProbe = { ok: boolean; ms: number; migrations: { applied: number; expected: number } | null; error?: string };

/** How many migrations this build carries (drizzle-kit's journal). */
export function expectedMigrations(dir = MIGRATIONS_DIR): number {
  const journal = JSON.parse(readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Readiness of the database for this instance: it answers, and it carries every migration this
 * build expects (a rolling deploy must not send traffic to an instance whose schema is behind).
 * The error is a code, never the driver's message (it may quote a connection string).
 */
export async function probeDatabase(db: Db, expected = expectedMigrations()): Promise<DatabaseProbe> {
  const started = performance.now();
  try {
    const rows = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows?: { n: number }[] } | { n: number }[];
    const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
    const applied = Number(list[0]?.n ?? 0);
    return { ok: applied >= expected, ms: Math.round(performance.now() - started), migrations: { applied, expected }, ...(applied >= expected ? {} : { error: "migrations-behind" }) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, ms: Math.round(performance.now() - started), migrations: null, error: typeof code === "string" ? `db-${code}` : "db-unreachable" };
  }
}
