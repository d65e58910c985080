// The local stand-in for the billers' APIs (docs/contracts/billers.md): STEG, SONEDE and
// Tunisie Telecom with demo bills (README, "Demo data"). BILLER_SIMULATOR_PORT (3302).
import { parseEnv } from "@/lib/env";
import { DEMO_BILLER_TOKEN } from "@/lib/bills/demo";
import { startBillerSimulator } from "@/lib/bills/simulator";

async function main() {
  const env = parseEnv(process.env);
  const sim = await startBillerSimulator({
    port: env.BILLER_SIMULATOR_PORT,
    host: "127.0.0.1",
    token: env.BILLER_API_TOKEN ?? DEMO_BILLER_TOKEN,
    log: (line) => console.info(`[billers] ${line}`),
  });
  console.info(`→ biller simulator on ${sim.url}`);

  let stopping = false;
  async function stop() {
    if (stopping) return;
    stopping = true;
    await sim.close();
    process.exit(0);
  }
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
