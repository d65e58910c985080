// `npm run test:e2e`: a production build, then the Playwright journeys against it, on a
// throw-away PGlite directory (or DATABASE_URL when set). Extra arguments go to Playwright.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium } from "./chromium.mjs";

const chromium = await findChromium();
if (!chromium) {
  console.error(
    "✗ No Chromium found for the browser tests.\n" +
      "  Install one: `apt-get install -y chromium` (Debian) or `npx playwright install chromium`,\n" +
      "  or point CHROMIUM_PATH at a Chromium/Chrome binary.",
  );
  process.exit(1);
}

const env = { ...process.env, CHROMIUM_PATH: chromium };
if (env.SKIP_BUILD !== "1") {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!env.DATABASE_URL) env.E2E_PGLITE_DIR = mkdtempSync(path.join(os.tmpdir(), "idarti-e2e-"));

// Some journeys move the server's test clock (deadlines, bookings, sessions): a journey running
// beside them would see time jump. They are found by what they call, and run one at a time after
// the others, which share the machine's cores (E2E_WORKERS, default 2).
const clockSpecs = readdirSync("e2e")
  .filter((f) => f.endsWith(".spec.ts") && readFileSync(path.join("e2e", f), "utf8").includes("setServerClock("))
  .sort();
env.E2E_CLOCK_SPECS = clockSpecs.join(",");

const args = process.argv.slice(2);
const namesSpecs = args.some((a) => !a.startsWith("-"));
const phases = namesSpecs ? [undefined] : clockSpecs.length > 0 ? ["parallel", "clock"] : ["parallel"];
let status = 0;
for (const phase of phases) {
  if (phase) console.info(`\n→ journeys: ${phase === "parallel" ? "those that leave the clock alone, in parallel" : `those that move the clock, one at a time (${clockSpecs.join(", ")})`}`);
  const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args], { stdio: "inherit", env: { ...env, ...(phase ? { E2E_PHASE: phase } : {}) } });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
