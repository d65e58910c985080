// Partner API bench (called by `npm run bench`; alone: `BENCH_ONLY=partner-api SKIP_BUILD=1 npm run bench`,
// or `node --conditions=react-server --import tsx scripts/bench-partner-api.ts` on a current build).
// On the production build (demo mode, a throw-away PGlite), on loopback:
//   1. a citizen files 8 questions to STEG through the outbox endpoint; the demo admin creates a
//      STEG key on the admin page (a browser without JavaScript: the key is read from the answer);
//   2. open loop, BENCH_API_RATE calls/s (default 40, under the key's 6000 a minute) for
//      BENCH_API_SECONDS (default 20): `GET /api/v1/cases` (list), then `GET /api/v1/cases/{ref}` (read);
//   3. closed loop, 8 connections, 10 s, on the list with a second key: the most it serves;
//      429s there are the key's limit working, counted apart from errors.
// Each call is the whole path: key lookup, the per-key rolling limiter, the query, the audit row.
// Prints p50/p95/p99 and errors; exits 1 on any 5xx.
import { randomInt, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { HttpClient, signInOverHttp } from "./support/http-forms";
import { exitWith, startBenchServer } from "./support/bench-server.mjs";
import { percentile } from "./support/bench-figures";

const PORT = Number(process.env.BENCH_API_PORT ?? 3406);
const RATE = Number(process.env.BENCH_API_RATE ?? 40);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 20);
const base = `http://localhost:${PORT}`;

const deadline = setTimeout(() => {
  console.error("bench-partner-api: time limit reached");
  process.exit(1);
}, (3 * SECONDS + 300) * 1000);


type Sample = { status: number; ms: number };

async function load(opts: { path: string; key: string; connections: number; seconds: number; rate?: number }) {
  const samples: Sample[] = [];
  const result = await autocannon({
    url: `${base}${opts.path}`,
    headers: { authorization: `Bearer ${opts.key}`, accept: "application/json" },
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    setupClient(client) {
      client.on("response", (status: number, _bytes: number, ms: number) => samples.push({ status, ms }));
    },
  });
  return { samples, timeouts: result.timeouts, errors: result.errors - result.timeouts };
}

function figures(run: Awaited<ReturnType<typeof load>>, seconds: number) {
  const ok = run.samples.filter((s) => s.status === 200);
  const limited = run.samples.filter((s) => s.status === 429).length;
  const other = run.samples.length - ok.length - limited;
  return {
    requests: run.samples.length + run.timeouts + run.errors,
    ok: ok.length,
    rps: Math.round(ok.length / seconds),
    p50Ms: +percentile(ok.map((s) => s.ms), 50).toFixed(1),
    p95Ms: +percentile(ok.map((s) => s.ms), 95).toFixed(1),
    p99Ms: +percentile(ok.map((s) => s.ms), 99).toFixed(1),
    limited429: limited,
    errors: other + run.timeouts + run.errors,
    fivexx: run.samples.filter((s) => s.status >= 500).length,
  };
}

/** The demo admin creates a STEG key on the admin page; the answer shows it once. */
async function createKey(admin: HttpClient, label: string): Promise<string> {
  const page = await admin.get("/fr/staff/admin/api-keys");
  const { page: answer } = await admin.submit(page, 'name="label"', { bodyId: "steg", label, scopes: ["cases:read", "cases:write"], perMinute: "6000" });
  const key = /idk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(answer.html)?.[0];
  if (!key) throw new Error("the admin page did not show a key");
  return key;
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.info("bench-partner-api: skipped (no production build)");
    return 0;
  }
  await startBenchServer({ port: PORT, name: "api", env: { NO_SIMULATORS: "1" } });

  const citizen = new HttpClient(base);
  await signInOverHttp(citizen, { phone: `+2169${String(randomInt(10_000_000)).padStart(7, "0")}`, returnTo: "/fr/my", locale: "fr" });
  const refs: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await fetch(`${base}/api/v1/submissions`, {
      method: "POST",
      headers: { cookie: citizen.cookieHeader(), origin: base, "content-type": "application/json", "idempotency-key": `bench-${randomUUID()}` },
      body: JSON.stringify({ kind: "question", payload: { bodyId: "steg", subject: `Compteur ${i}`, question: "Quand le compteur sera-t-il posé chez moi ?" }, locale: "fr-TN" }),
    });
    if (res.status !== 201) throw new Error(`filing: ${res.status} ${await res.text()}`);
    refs.push(((await res.json()) as { reference: string }).reference);
  }
  const admin = new HttpClient(base);
  await signInOverHttp(admin, { phone: "+21620000001", returnTo: "/fr/staff/admin/api-keys", locale: "fr" });
  const key = await createKey(admin, "Bench STEG");
  const key2 = await createKey(admin, "Bench STEG 2");

  // Warm up (compiles the routes' first paths), then the figures.
  await load({ path: "/api/v1/cases", key, connections: 2, seconds: 2, rate: 10 });
  await load({ path: `/api/v1/cases/${refs[0]}`, key, connections: 2, seconds: 2, rate: 10 });
  const list = figures(await load({ path: "/api/v1/cases", key, connections: 8, seconds: SECONDS, rate: RATE }), SECONDS);
  const read = figures(await load({ path: `/api/v1/cases/${refs[3]}`, key, connections: 8, seconds: SECONDS, rate: RATE }), SECONDS);
  const most = figures(await load({ path: "/api/v1/cases", key: key2, connections: 8, seconds: 10 }), 10);

  const row = (what: string, f: ReturnType<typeof figures>) =>
    console.info(`${what.padEnd(40)} ${String(f.requests).padStart(6)} req  ${String(f.rps).padStart(4)}/s  p50 ${f.p50Ms} ms  p95 ${f.p95Ms} ms  p99 ${f.p99Ms} ms  errors ${f.errors}  429 ${f.limited429}`);
  console.info(`\nPartner API on loopback (one instance, PGlite; list = ${refs.length} cases):`);
  row(`list cases, open loop ${RATE}/s × ${SECONDS} s`, list);
  row(`read a case, open loop ${RATE}/s × ${SECONDS} s`, read);
  row("list cases, closed loop 8 conns × 10 s", most);
  console.info(`BENCH_PARTNER_API ${JSON.stringify({ rate: RATE, seconds: SECONDS, list, read, closedLoopList: most })}`);
  const broken = list.fivexx + read.fivexx + most.fivexx;
  if (broken > 0) console.error(`✗ ${broken} answers 5xx`);
  return broken > 0 ? 1 : 0;
}

exitWith(main(), deadline);
