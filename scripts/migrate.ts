// Applies the migrations only. The app also migrates when it first opens the database.
import { openDatabase } from "@/lib/db/open";
import { parseEnv } from "@/lib/env";

async function main() {
  const env = parseEnv(process.env);
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, migrate: true });
  await database.close();
  console.info("✓ migrations applied");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
