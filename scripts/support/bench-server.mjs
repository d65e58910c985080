// The one way a bench starts the app: the production build (`scripts/start.mjs`, SKIP_BUILD=1) in
// demo mode on a throw-away PGlite directory (or the DATABASE_URL given), with the per-IP sign-in
// limits opened (every bench user comes from 127.0.0.1; per-number limits stay as in production),
// waited for until it serves /ar, and stopped when the bench process exits.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ port: number; name: string; env?: Record<string, string | undefined>; stdio?: "ignore" | "inherit" }} opts
 *   `name` names the temporary database directory; `env` adds to or overrides the defaults.
 */
export async function startBenchServer(opts) {
  const base = `http://localhost:${opts.port}`;
  const proc = spawn(process.execPath, ["scripts/start.mjs"], {
    stdio: ["ignore", opts.stdio ?? "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(opts.port),
      SKIP_BUILD: "1",
      DEMO_MODE: "true",
      APP_URL: base,
      PGLITE_DIR: mkdtempSync(path.join(os.tmpdir(), `idarti-bench-${opts.name}-`)),
      OTP_PER_IP_SENDS: "10000",
      OTP_PER_IP_FAILURES: "10000",
      ...opts.env,
    },
  });
  const stop = () => {
    if (proc.exitCode === null) proc.kill("SIGTERM");
  };
  process.on("exit", stop);
  // Up to 4 minutes: a cold start migrates and seeds a fresh database on a busy 2-core machine.
  for (let i = 0; ; i++) {
    if (i > 480) {
      stop();
      throw new Error(`the app on ${opts.port} did not start`);
    }
    if (proc.exitCode !== null) throw new Error(`the app on ${opts.port} exited (${proc.exitCode})`);
    if (await fetch(`${base}/ar`).then((r) => r.ok).catch(() => false)) break;
    await sleep(500);
  }
  return { proc, base, stop };
}

/**
 * Ends a bench with its main's exit code (1 when it throws, the error printed); the app it
 * started is stopped on the way out (the exit hook above), half a second given to its logs.
 * @param {Promise<number>} main
 * @param {NodeJS.Timeout} [deadline] the bench's own time limit, cleared
 */
export function exitWith(main, deadline) {
  main
    .then((code) => {
      clearTimeout(deadline);
      setTimeout(() => process.exit(code), 500);
    })
    .catch((error) => {
      console.error(error);
      setTimeout(() => process.exit(1), 500);
    });
}
