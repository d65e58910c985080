// The local D17 stand-in (docs/contracts/d17-request-to-pay.md), started by `npm start` in demo
// mode and by the e2e tests: D17_SIMULATOR_PORT (3301). Payer app: http://127.0.0.1:3301/app
import { parseEnv } from "@/lib/env";
import { DEMO_D17_API_KEY, DEMO_D17_WEBHOOK_SECRET } from "@/lib/payments/d17/demo";
import { startD17Simulator } from "@/lib/payments/d17/simulator";
import { serveUntilStopped } from "./support/serve-until-stopped";

const env = parseEnv(process.env);
serveUntilStopped(
  () =>
    startD17Simulator({
      port: env.D17_SIMULATOR_PORT,
      host: "127.0.0.1",
      apiKey: env.D17_API_KEY ?? DEMO_D17_API_KEY,
      merchantId: env.D17_MERCHANT_ID,
      webhookSecret: env.D17_WEBHOOK_SECRET ?? DEMO_D17_WEBHOOK_SECRET,
      log: (line) => console.info(`[d17] ${line}`),
    }),
  (url) => `→ D17 simulator on ${url} (payer app: ${url}/app)`,
);
