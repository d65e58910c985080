// Posts under load, and the path past one machine (issue 19 §3). Called by `npm run bench`;
// alone: `BENCH_ONLY=load npm run bench` (SKIP_BUILD=1 on a current build), or
// `node --conditions=react-server --import tsx scripts/bench-load.ts`.
// On the production build (demo mode, so the bench can read sign-in codes), on loopback:
//   1. PGlite, one instance: complaint posts (POST /api/v1/submissions, what the outbox sends) at
//      10/s open loop for BENCH_LOAD_SECONDS (20) → p50/p95, errors; then a closed loop → ceiling;
//   2. PostgreSQL (a throw-away cluster made here with Debian's postgresql binaries, as
//      scripts/ci-postgres.sh does; skipped without them or with BENCH_LOAD_PG=0), one instance and
//      then two on one database, the load generator sharing requests between them: 50 posts/s, then
//      250 catalogue requests/s (lean public pages), each open loop;
//   3. the server's memory (RSS of the app's processes): right after start, at idle after warming,
//      the peak during the load and after it.
// Each figure is printed beside its goal. The machine's absolutes are noisy (2 shared cores): the
// load average is printed with the figures.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { HttpClient, signInOverHttp } from "./support/http-forms";
import { percentile, rssMb } from "./support/bench-figures";
import { startBenchServer } from "./support/bench-server.mjs";
import { memoryBreakdown, nextServerPid } from "./support/memory-breakdown.mjs";

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3406);
const PG_PORT = Number(process.env.BENCH_LOAD_PG_PORT ?? 54351);
/** A citizen may file 10 cases an hour (lib/cases/filing-limits.ts): the bench signs in enough of them. */
const PER_CITIZEN = 10;
/** Issue 19: the RSS measured before the work on it (503 MB right after start, 878 MB at the peak), halved. */
const MEMORY_GOALS = { startMb: 251, peakMb: 439 };
const GOALS = { pglitePostsPerS: 10, pgPostsPerS: 50, postP95Ms: 800, cataloguePerS: 250, catalogueP95Ms: 300 };
const CATALOGUE = ["/ar/services/pay-steg-bill", "/fr/services", "/ar/houses/haidra", "/ar", "/fr/services/categories/all", "/ar/learn"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const deadline = setTimeout(() => {
  console.error("bench-load: time limit reached");
  cleanup();
  process.exit(1);
}, (SECONDS * 8 + 600) * 1000);



/** Samples the peak RSS of some processes until stopped. */
function peakRss(pids: number[]): () => number {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, pids.reduce((s, p) => s + rssMb(p), 0))), 500);
  return () => {
    clearInterval(timer);
    return Math.max(peak, pids.reduce((s, p) => s + rssMb(p), 0));
  };
}

const load1 = () => os.loadavg()[0]!.toFixed(2);

const servers: ChildProcess[] = [];
let pg: { bin: string; dir: string } | null = null;
function cleanup() {
  for (const s of servers) s.kill("SIGTERM");
  if (pg) {
    spawnSync("runuser", ["-u", "postgres", "--", `${pg.bin}/pg_ctl`, "-D", `${pg.dir}/data`, "-m", "fast", "stop"], { stdio: "ignore" });
    rmSync(pg.dir, { recursive: true, force: true });
    pg = null;
  }
}

async function startServer(port: number, env: Record<string, string>): Promise<{ proc: ChildProcess; base: string; startRss: number }> {
  const base = `http://localhost:${port}`;
  const { proc } = await startBenchServer({
    port,
    name: "load",
    env: {
      NO_SIMULATORS: "1",
      OTP_PER_IP_SENDS: "100000",
      OTP_PER_IP_FAILURES: "100000",
      FILING_PER_IP_PER_HOUR: "100000",
      // The bench measures the posts, not the shedding in front of them (bench-shedding does).
      SHED_MAX_IN_FLIGHT: process.env.SHED_MAX_IN_FLIGHT ?? "64",
      ...env,
    },
  });
  servers.push(proc);
  return { proc, base, startRss: rssMb(proc.pid!) };
}

/** Signs `n` citizens in (a few at a time) and answers their cookies, each usable for PER_CITIZEN posts. */
async function citizens(base: string, n: number): Promise<string[]> {
  const out: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < n) {
        next++;
        const client = new HttpClient(base);
        const page = await signInOverHttp(client, { phone: `+2169${String(randomInt(10_000_000)).padStart(7, "0")}`, returnTo: "/fr/my", locale: "fr" });
        if (!/\/fr\/my$/.test(new URL(page.url).pathname)) throw new Error(`sign-in landed on ${page.url}`);
        out.push(client.cookieHeader());
      }
    }),
  );
  return out;
}

const COMPLAINT = { bodyId: "steg", category: "billing", description: "La facture de ce mois a doublé sans raison, merci de vérifier le relevé du compteur." };

type Sample = { status: number; ms: number };

/** One complaint post, as the outbox sends it; its status (0: no answer) and time. */
async function post(base: string, cookie: string): Promise<Sample> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/api/v1/submissions`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ kind: "complaint", payload: COMPLAINT, locale: "fr-TN" }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

/** A pool of post slots: each cookie is good for PER_CITIZEN filings. */
function slots(cookies: string[]): () => string {
  let i = 0;
  return () => {
    const cookie = cookies[Math.floor(i / PER_CITIZEN) % cookies.length]!;
    i++;
    return cookie;
  };
}

/** Open loop: `rate` posts a second for `seconds`, shared round-robin between the instances. */
async function postsOpenLoop(bases: string[], take: () => string, rate: number, seconds: number): Promise<Sample[]> {
  const pending: Promise<Sample>[] = [];
  const start = performance.now();
  const total = Math.round(rate * seconds);
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(post(bases[k % bases.length]!, take()));
  }
  return Promise.all(pending);
}

/** Closed loop: `connections` posters at once for `seconds` → posts answered 201 per second. */
async function postsCeiling(bases: string[], take: () => string, connections: number, seconds: number): Promise<{ rate: number; p95: number }> {
  const end = performance.now() + seconds * 1000;
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      while (performance.now() < end) samples.push(await post(bases[c % bases.length]!, take()));
    }),
  );
  const ok = samples.filter((s) => s.status === 201);
  return { rate: +(ok.length / seconds).toFixed(1), p95: Math.round(percentile(ok.map((s) => s.ms), 95)) };
}

function summarize(samples: Sample[]) {
  const ok = samples.filter((s) => s.status === 201 || s.status === 200);
  return {
    n: samples.length,
    p50Ms: Math.round(percentile(ok.map((s) => s.ms), 50)),
    p95Ms: Math.round(percentile(ok.map((s) => s.ms), 95)),
    errors: samples.length - ok.length,
    statuses: [...new Set(samples.filter((s) => s.status !== 201 && s.status !== 200).map((s) => s.status))],
  };
}

/** Open loop of catalogue GETs at `rate`/s, split between the instances (autocannon, one per instance). */
async function catalogueOpenLoop(bases: string[], rate: number, seconds: number) {
  const results = await Promise.all(
    bases.map((base) => {
      const samples: Sample[] = [];
      return autocannon({
        url: base,
        requests: CATALOGUE.map((p) => ({ method: "GET", path: p })),
        connections: Math.min(200, Math.ceil(rate / bases.length)),
        overallRate: Math.round(rate / bases.length),
        duration: seconds,
        timeout: 10,
        setupClient(client) {
          client.on("response", (status: number, _bytes: number, ms: number) => samples.push({ status, ms }));
        },
      }).then((r) => ({ samples, timeouts: r.timeouts, errors: r.errors }));
    }),
  );
  const all = results.flatMap((r) => r.samples);
  const ok = all.filter((s) => s.status === 200);
  return {
    n: all.length,
    ratePerS: +(all.length / seconds).toFixed(1),
    p50Ms: Math.round(percentile(ok.map((s) => s.ms), 50)),
    p95Ms: Math.round(percentile(ok.map((s) => s.ms), 95)),
    errors: all.length - ok.length + results.reduce((s, r) => s + r.errors, 0),
  };
}

function startPostgres(): string | null {
  if (process.env.BENCH_LOAD_PG === "0") return null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root) || process.getuid?.() !== 0) return null;
  const version = readdirSync(root).sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!version) return null;
  const bin = `${root}/${version}/bin`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-bench-pg-"));
  spawnSync("chown", ["postgres:postgres", dir]);
  const asPg = (cmd: string, args: string[]) => spawnSync("runuser", ["-u", "postgres", "--", `${bin}/${cmd}`, ...args], { stdio: "ignore" });
  if (asPg("initdb", ["-D", `${dir}/data`, "-U", "postgres", "-A", "trust"]).status !== 0) return null;
  pg = { bin, dir };
  // max_connections: two instances' pools and the migrations; fsync stays on (the figures are a real disk's).
  if (asPg("pg_ctl", ["-D", `${dir}/data`, "-o", `-c listen_addresses=127.0.0.1 -p ${PG_PORT} -k ${dir} -c max_connections=200`, "-l", `${dir}/log`, "-w", "start"]).status !== 0) return null;
  if (asPg("createdb", ["-h", "127.0.0.1", "-p", String(PG_PORT), "-U", "postgres", "idarti_bench"]).status !== 0) return null;
  return `postgres://postgres@127.0.0.1:${PG_PORT}/idarti_bench`;
}

const figures: Record<string, unknown> = {};
const table: [string, string, string, string][] = [];
const row = (what: string, value: string, goal: string, ok: boolean | null) => {
  table.push([what, value, goal, ok === null ? "" : ok ? "✓" : "✗"]);
  console.info(`${what.padEnd(58)} ${value.padStart(22)}   ${goal.padEnd(16)} ${ok === null ? "" : ok ? "✓" : "✗"}`);
};
const ms = (n: number) => `${n} ms`;

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.info("bench-load: skipped (no production build)");
    return 0;
  }
  const authSecret = randomUUID() + randomUUID();

  // 1. PGlite, one instance.
  console.info(`\nPosts under load (${SECONDS} s per figure, loopback; load average ${load1()} on ${os.cpus().length} cores — absolutes are noisy)`);
  const one = await startServer(PORT, { AUTH_SECRET: authSecret });
  const pgliteRate = Number(process.env.BENCH_LOAD_PGLITE_RATE ?? GOALS.pglitePostsPerS);
  const ceilingSeconds = Math.max(5, Math.round(SECONDS / 2));
  const need = Math.ceil((pgliteRate * SECONDS + 40 * ceilingSeconds) / PER_CITIZEN) + 2;
  const cookies = await citizens(one.base, need);
  const take = slots(cookies);
  // Warm the route (first compile of its modules, the kinds' data) with a few posts.
  for (let i = 0; i < 3; i++) await post(one.base, take());
  const idleRss = rssMb(one.proc.pid!);
  // What it is made of (a full GC forced after the figure above is read; the load starts from there).
  const serverPid = nextServerPid(one.proc.pid!);
  const idleBreakdown = serverPid ? await memoryBreakdown(serverPid) : null;
  const peak = peakRss([one.proc.pid!]);
  const at = load1();
  const pglite = summarize(await postsOpenLoop([one.base], take, pgliteRate, SECONDS));
  const ceiling = await postsCeiling([one.base], take, 16, ceilingSeconds);
  const peakMb = peak();
  await sleep(3000);
  const afterRss = rssMb(one.proc.pid!);
  const afterBreakdown = serverPid ? await memoryBreakdown(serverPid) : null;
  one.proc.kill("SIGTERM");
  await sleep(1500);
  figures.pglite = { ratePerS: pgliteRate, ...pglite, ceilingPerS: ceiling.rate, ceilingP95Ms: ceiling.p95, loadAverage: +at };
  figures.memory = { startMb: one.startRss, idleMb: idleRss, peakMb, afterMb: afterRss, idleBreakdown, afterBreakdown };

  console.info("");
  row(`PGlite, 1 instance: ${pgliteRate} posts/s, p50 / p95 (load ${at})`, `${pglite.p50Ms} / ${pglite.p95Ms} ms`, `p95 ≤ ${GOALS.postP95Ms} ms`, pglite.p95Ms <= GOALS.postP95Ms);
  row("PGlite: errors (not 201, or no answer)", `${pglite.errors} of ${pglite.n}${pglite.statuses.length ? ` (${pglite.statuses.join(",")})` : ""}`, "0", pglite.errors === 0);
  row("PGlite: ceiling, closed loop of 16 (201s per second; p95)", `${ceiling.rate}/s; ${ms(ceiling.p95)}`, "—", null);
  row("server memory (RSS): after start → idle, warmed", `${one.startRss} → ${idleRss} MB`, `after start ≤ ${MEMORY_GOALS.startMb} MB (half of 503)`, one.startRss <= MEMORY_GOALS.startMb);
  for (const [when, b] of [["idle", idleBreakdown], ["after the load", afterBreakdown]] as const) {
    if (!b?.afterGc || !b.v8) continue;
    row(
      `Next server ${when}: RSS → after a full GC (V8 heap used; external; mapped files)`,
      `${b.before.rssMb} → ${b.afterGc.rssMb} MB (${b.v8.heapUsedMb}; ${b.v8.externalMb}; ${b.afterGc.filesMb})`,
      "—",
      null,
    );
  }
  row("server memory (RSS): peak under the load → after", `${peakMb} → ${afterRss} MB`, `peak ≤ ${MEMORY_GOALS.peakMb} MB (half of 878)`, peakMb <= MEMORY_GOALS.peakMb);

  // 2. PostgreSQL, one instance then two.
  const url = startPostgres();
  if (!url) {
    console.info("\nPostgreSQL: skipped (no Debian postgresql binaries, not root, or BENCH_LOAD_PG=0)");
  } else {
    const pgRate = Number(process.env.BENCH_LOAD_PG_RATE ?? GOALS.pgPostsPerS);
    for (const count of [1, 2]) {
      const env = { DATABASE_URL: url, AUTH_SECRET: authSecret };
      const instances = [await startServer(PORT + 10, env)];
      if (count === 2) instances.push(await startServer(PORT + 11, env));
      const bases = instances.map((i) => i.base);
      const pgCookies = await citizens(bases[0]!, Math.ceil((pgRate * SECONDS) / PER_CITIZEN) + 2);
      const pgTake = slots(pgCookies);
      for (const b of bases) for (let i = 0; i < 3; i++) await post(b, pgTake());
      for (const b of bases) await fetch(`${b}/ar/services/pay-steg-bill`).then((r) => r.arrayBuffer());
      const pgPeak = peakRss(instances.map((i) => i.proc.pid!));
      const atPosts = load1();
      const posts = summarize(await postsOpenLoop(bases, pgTake, pgRate, SECONDS));
      const atCat = load1();
      const catalogue = await catalogueOpenLoop(bases, GOALS.cataloguePerS, SECONDS);
      const peakPg = pgPeak();
      figures[`postgres${count}`] = { postsPerS: pgRate, posts, catalogue, peakRssMb: peakPg, loadAverage: +atPosts };
      const label = `PostgreSQL, ${count} instance${count === 2 ? "s" : ""}`;
      row(`${label}: ${pgRate} posts/s, p50 / p95 (load ${atPosts})`, `${posts.p50Ms} / ${posts.p95Ms} ms`, `p95 ≤ ${GOALS.postP95Ms} ms`, posts.p95Ms <= GOALS.postP95Ms);
      row(`${label}: post errors`, `${posts.errors} of ${posts.n}${posts.statuses.length ? ` (${posts.statuses.join(",")})` : ""}`, "0", posts.errors === 0);
      row(`${label}: ${GOALS.cataloguePerS} catalogue req/s, p50 / p95 (load ${atCat})`, `${catalogue.p50Ms} / ${catalogue.p95Ms} ms`, `p95 ≤ ${GOALS.catalogueP95Ms} ms`, catalogue.p95Ms <= GOALS.catalogueP95Ms);
      row(`${label}: catalogue errors (served ${catalogue.ratePerS}/s)`, `${catalogue.errors} of ${catalogue.n}`, "0", catalogue.errors === 0);
      row(`${label}: peak RSS (all instances)`, `${peakPg} MB`, "—", null);
      for (const i of instances) i.proc.kill("SIGTERM");
      await sleep(2000);
    }
  }

  console.info("\n| figure | measured | goal | |\n| --- | ---: | --- | --- |");
  for (const [a, b, c, d] of table) console.info(`| ${a} | ${b} | ${c} | ${d} |`);
  console.info(`BENCH_LOAD ${JSON.stringify(figures)}`);
  return 0;
}

main()
  .then((code) => {
    cleanup();
    clearTimeout(deadline);
    setTimeout(() => process.exit(code), 500);
  })
  .catch((error: unknown) => {
    console.error(error);
    cleanup();
    setTimeout(() => process.exit(1), 500);
  });
