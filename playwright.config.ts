import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs } from "./scripts/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3210);
// The local D17 and biller simulators of the test server, on ports apart from `npm start`'s.
export const d17Port = Number(process.env.E2E_D17_PORT ?? port + 101);
export const billerPort = Number(process.env.E2E_BILLER_PORT ?? port + 102);
export const baseURL = `http://localhost:${port}`;
// A second app instance on the same PostgreSQL (scripts/ci-postgres.sh sets E2E_SECOND_PORT): the
// journeys in e2e/two-instances.spec.ts cross from one to the other.
const secondPort = process.env.E2E_SECOND_PORT ? Number(process.env.E2E_SECOND_PORT) : undefined;
export const secondBaseURL = secondPort ? `http://localhost:${secondPort}` : undefined;

// scripts/e2e.mjs runs the suite in two phases: the journeys that move the server's test clock
// (E2E_CLOCK_SPECS, found by what they call) one at a time, the others in parallel beside each other.
const phase = process.env.E2E_PHASE;
const clockSpecs = (process.env.E2E_CLOCK_SPECS ?? "").split(",").filter(Boolean).map((f) => `**/${f}`);
const parallelWorkers = process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2;

/** `npm start` on the build, as the journeys need it (the second instance shares its database and simulators). */
function server(onPort: number, extra: Record<string, string> = {}) {
  const url = `http://localhost:${onPort}`;
  return {
    command: "node scripts/start.mjs",
    url: `${url}/ar`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    env: {
      PORT: String(onPort),
      SKIP_BUILD: "1",
      DEMO_MODE: "true",
      TEST_CLOCK: "true",
      // Every journey files from the same loopback address; the per-citizen limits still apply.
      FILING_PER_IP_PER_HOUR: "10000",
      APP_URL: url,
      PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? "./data/e2e-pglite",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      // Every test browser comes from 127.0.0.1: per-IP sign-in limits would count the whole
      // suite as one person. Per-number limits stay as in production (lib/auth/limits.ts); the
      // per-IP ones are covered by lib/auth/otp.test.ts.
      OTP_PER_IP_SENDS: "10000",
      OTP_PER_IP_FAILURES: "10000",
      D17_SIMULATOR_PORT: String(d17Port),
      D17_API_URL: `http://127.0.0.1:${d17Port}`,
      BILLER_SIMULATOR_PORT: String(billerPort),
      BILLER_API_URL: `http://127.0.0.1:${billerPort}`,
      PAYMENT_SETTLE_INTERVAL_SECONDS: "5",
      // Small pieces, so that a photo of a few hundred kB is cut mid-way (e2e/resumable-upload.spec.ts).
      UPLOAD_CHUNK_BYTES: "65536",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      ...extra,
    },
  };
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  ...(phase === "parallel" && clockSpecs.length > 0 ? { testIgnore: clockSpecs } : {}),
  ...(phase === "clock" ? { testMatch: clockSpecs.length > 0 ? clockSpecs : ["**/none-moves-the-clock"] } : {}),
  // Specs named on the command line: one worker in CI (one of them may move the clock).
  workers: phase === "clock" ? 1 : phase === "parallel" ? parallelWorkers : process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  // Generous: CI machines have 2 cores, and axe on the one-page catalogue is long.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    locale: "ar-TN",
    timezoneId: "Africa/Tunis",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Pixel 7"], browserName: "chromium" } }],
  webServer: secondPort
    ? // Each instance its own disk: a file read across them must come from the shared store.
      [server(port), server(secondPort, { NO_SEED: "1", NO_SIMULATORS: "1", FILES_DIR: "./data/e2e-files-second" })]
    : server(port),
});
