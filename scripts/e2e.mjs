// `npm run test:e2e`: a production build, then the Playwright journeys against it, on a
// throw-away PGlite directory (or DATABASE_URL when set). Extra arguments go to Playwright.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
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
const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
