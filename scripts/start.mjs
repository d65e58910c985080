// `npm start`: build if needed, migrate, seed the demo data, start the local stand-ins (D17
// simulator, biller simulator) and the app. Zero configuration on a fresh machine: embedded
// PGlite in ./data, a generated AUTH_SECRET kept in ./data, SMS shown at /dev/sms.
//
// Environment: PORT (3000), SKIP_BUILD=1 (use the existing build), NO_SEED=1, NO_SIMULATORS=1, and everything in
// lib/env.ts. Used by the e2e tests too (with a throw-away PGLITE_DIR).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const env = { ...process.env };
env.PORT ??= "3000";
env.NODE_ENV = "production";
env.DEMO_MODE ??= env.DATABASE_URL ? "false" : "true";
env.APP_URL ??= `http://localhost:${env.PORT}`;
if (!env.DATABASE_URL) env.PGLITE_DIR ??= "./data/pglite";

if (!env.AUTH_SECRET) {
  const file = path.join(root, "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

// Web push needs a VAPID key pair; a demo makes one and keeps it (production sets its own).
if (!env.VAPID_PUBLIC_KEY && env.DEMO_MODE === "true") {
  const file = path.join(root, "data", "vapid.json");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) {
    const { default: webpush } = await import("web-push");
    writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(file, "utf8"));
  env.VAPID_PUBLIC_KEY = keys.publicKey;
  env.VAPID_PRIVATE_KEY = keys.privateKey;
}

function newestSourceTime(dirs) {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach(walk);
  for (const f of ["package.json", "next.config.ts", "proxy.ts"]) if (existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

const buildId = path.join(root, ".next", "BUILD_ID");
const stale = !existsSync(buildId) || newestSourceTime(["app", "components", "lib", "messages", "public"]) > statSync(buildId).mtimeMs;
if (env.SKIP_BUILD !== "1" && stale) {
  console.info("→ building (sources changed since the last build)…");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}

// Migrations and demo data run before the app opens the database (PGlite is one process).
console.info("→ migrating and seeding…");
run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], { NO_SEED: env.NO_SEED ?? "" });

const children = [];

// Local stand-ins for outside systems (each speaks the documented contract over HTTP).
for (const service of ["scripts/d17-simulator.ts", "scripts/biller-simulator.ts"]) {
  // NO_SIMULATORS=1: a second app instance beside a first that already runs them (e2e on PostgreSQL).
  if (existsSync(service) && env.DEMO_MODE === "true" && env.NO_SIMULATORS !== "1") {
    children.push(spawn(process.execPath, ["--import", "tsx", service], { stdio: "inherit", env }));
  }
}

console.info(`→ Idarti on http://localhost:${env.PORT} (${env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite in " + env.PGLITE_DIR})`);
if (children.length === 0) {
  // Nothing else to look after (production, or a second instance): the app (`scripts/serve.mjs`)
  // runs in this process rather than under a supervisor that only waits for it — one node
  // process less (~50 MB of RSS, ADR 0015). Its own signal handlers shut it down.
  Object.assign(process.env, env);
  await import("./serve.mjs");
} else {
  const stop = () => {
    for (const c of children) c.kill("SIGTERM");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const app = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env });
  children.push(app);
  app.on("exit", (code) => {
    for (const c of children) if (c !== app) c.kill("SIGTERM");
    process.exit(code ?? 0);
  });
}
