// `npm run payments:reconcile -- --date YYYY-MM-DD` (default: yesterday, Africa/Tunis): compares
// the payments ledger with D17's list for that day and prints every mismatch. Exit code 1 when
// there are mismatches, 2 when D17 cannot be reached. On PGlite, run it while the app is stopped
// (PGlite is one process); on PostgreSQL, any time.
import { openDatabase } from "@/lib/db/open";
import { parseEnv } from "@/lib/env";
import { createD17Gateway } from "@/lib/payments/d17/adapter";
import { DEMO_D17_API_KEY, DEMO_D17_WEBHOOK_SECRET } from "@/lib/payments/d17/demo";
import { localDateString } from "@/lib/clock/zone";
import { reconcileDay } from "@/lib/payments/reconcile";

async function main() {
  const env = parseEnv(process.env);
  const i = process.argv.indexOf("--date");
  const day = i > 0 ? process.argv[i + 1]! : localDateString(new Date(Date.now() - 24 * 3600 * 1000));
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, migrate: true });
  const gateway = createD17Gateway({
    apiUrl: env.D17_API_URL,
    merchantId: env.D17_MERCHANT_ID,
    apiKey: env.D17_API_KEY ?? DEMO_D17_API_KEY,
    webhookSecret: env.D17_WEBHOOK_SECRET ?? DEMO_D17_WEBHOOK_SECRET,
    callbackUrl: env.D17_CALLBACK_URL ?? `${env.APP_URL}/api/payments/d17/callback`,
    timeoutMs: env.D17_TIMEOUT_MS,
  });
  try {
    const report = await reconcileDay({ db: database.db, gateway, day });
    console.info(`Reconciliation of ${report.day}: D17 ${report.gatewayCount} requests, ledger ${report.ledgerCount} payments, ${report.matched} settled and matching, ${report.open} still pending.`);
    if (report.mismatches.length === 0) console.info("✓ no mismatch");
    else {
      console.info(`✗ ${report.mismatches.length} mismatch(es):`);
      for (const m of report.mismatches) console.info(`  - ${JSON.stringify(m)}`);
    }
    process.exitCode = report.mismatches.length ? 1 : 0;
  } catch (error) {
    console.error("D17 could not be reached:", (error as Error).message);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

void main();
