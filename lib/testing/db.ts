import { randomInt } from "node:crypto";
import { openDatabase, type Database, type Db } from "@/lib/db/open";
import { users } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/auth/roles";

/**
 * PGlite always; a real PostgreSQL too when TEST_DATABASE_URL is set (CI). `isolated` gives the
 * PostgreSQL target a database of its own (created, then dropped on close), for tests that look
 * at the whole of a table (e.g. the dispatcher) while other test files run in parallel.
 */
export function testDatabases(opts: { isolated?: boolean } = {}): { name: string; open: () => Promise<Database> }[] {
  const url = process.env.TEST_DATABASE_URL;
  // CI's PostgreSQL pass (scripts/ci-postgres.sh) has already run every test on PGlite.
  const targets = url && process.env.TEST_DATABASE_ONLY === "1" ? [] : [{ name: "PGlite", open: () => openDatabase({ pgliteDir: "memory://" }) }];
  if (url) targets.push({ name: "PostgreSQL", open: () => (opts.isolated ? openIsolated(url) : openDatabase({ url })) });
  return targets;
}

async function openIsolated(url: string): Promise<Database> {
  const { Client } = await import("pg");
  const name = `idarti_t_${randomInt(0, 1e9)}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

/** A user with a fresh phone number (tests share a PostgreSQL database). */
export async function makeUser(db: Db, opts: { role?: Role; bodyId?: string | null; houseId?: string | null; notifySms?: boolean; notifyPush?: boolean; locale?: string; name?: string } = {}): Promise<Actor> {
  const phone = `+2162${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  const [row] = await db
    .insert(users)
    .values({
      phone,
      role: opts.role ?? "citizen",
      bodyId: opts.bodyId ?? null,
      houseId: opts.houseId ?? null,
      notifySms: opts.notifySms ?? false,
      notifyPush: opts.notifyPush ?? false,
      locale: opts.locale ?? "ar-TN",
      name: opts.name ?? null,
      onboardedAt: new Date(),
    })
    .returning();
  return {
    userId: row!.id,
    sessionId: "test",
    role: row!.role,
    name: row!.name,
    phone,
    locale: "ar-TN",
    bodyId: row!.bodyId,
    houseId: row!.houseId,
    interpreter: false,
    needsOnboarding: false,
  };
}
