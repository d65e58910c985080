// The local stand-in for the billers' APIs (docs/contracts/billers.md): STEG, SONEDE and
// Tunisie Telecom with demo bills (README, "Demo data"). BILLER_SIMULATOR_PORT (3302).
import { parseEnv } from "@/lib/env";
import { DEMO_BILLER_TOKEN } from "@/lib/bills/demo";
import { startBillerSimulator } from "@/lib/bills/simulator";
import { serveUntilStopped } from "./support/serve-until-stopped";

const env = parseEnv(process.env);
serveUntilStopped(
  () =>
    startBillerSimulator({
      port: env.BILLER_SIMULATOR_PORT,
      host: "127.0.0.1",
      token: env.BILLER_API_TOKEN ?? DEMO_BILLER_TOKEN,
      log: (line) => console.info(`[billers] ${line}`),
    }),
  (url) => `→ biller simulator on ${url}`,
);
