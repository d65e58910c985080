// Migrates the database and loads the demo data. Idempotent: run it as often as you like.
// `npm run db:seed` (or part of `npm start`). NO_SEED=1 migrates only.
import { openDatabase } from "@/lib/db/open";
import { parseEnv } from "@/lib/env";
import { seedDemo } from "./seed-demo";
import { seedContent } from "@/lib/content/store";

async function main() {
  const env = parseEnv(process.env);
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, migrate: true });
  try {
    // The catalogue and the houses: version 1 of each document from the data files, when it has none (docs/adr/0023).
    const versions = await seedContent(database.db);
    if (versions > 0) console.info(`✓ content: ${versions} document(s) seeded from the data files`);
    if (process.env.NO_SEED !== "1") {
      const counts = await seedDemo(database.db);
      console.info(`✓ demo data: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
    } else console.info("✓ migrations applied");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
