import { openDatabase, type Database } from "@/lib/db/open";

/**
 * The databases a db-touching unit test runs against: embedded PGlite always, and a real
 * PostgreSQL too when TEST_DATABASE_URL is set (CI's second pass). Use with describe.each-style
 * loops, as lib/db/db.test.ts does.
 */
export function testDatabases(): { name: string; open: () => Promise<Database> }[] {
  const targets = [{ name: "PGlite", open: () => openDatabase({ pgliteDir: "memory://" }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ name: "PostgreSQL", open: () => openDatabase({ url }) });
  return targets;
}
