// Load shedding bench (called by `npm run bench`, alone: `BENCH_ONLY=shedding npm run bench` with
// SKIP_BUILD=1 SKIP_LIGHTHOUSE=1, or `node --conditions=react-server --import tsx scripts/bench-shedding.ts`).
// On the production build (demo mode, a throw-away PGlite), on loopback:
//   1. capacity: a signed-in citizen's "my file" (/en/my: a render that reads the database),
//      closed loop with as many connections as the instance takes at once → served req/s;
//   2. a 5× burst: the same page asked at 5 × that rate, open loop, for BENCH_SHED_SECONDS
//      (default 60), while another visitor asks the prerendered home page 5 times a second;
//   3. printed beside their goals (issue 19 §3): the share of 503s, the p95 of the requests
//      served, errors (neither served nor a 503 with Retry-After), the home page's p95 during the
//      burst and at rest, the server's memory at idle and after.
// Exits 1 when a guarantee is broken: a 503 without Retry-After, or a 500.
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { HttpClient, signInOverHttp } from "./support/http-forms";
import { exitWith, startBenchServer } from "./support/bench-server.mjs";
import { percentile, rssMb } from "./support/bench-figures";

const PORT = Number(process.env.BENCH_SHED_PORT ?? 3404);
const SECONDS = Number(process.env.BENCH_SHED_SECONDS ?? 60);
const LIMIT = Number(process.env.SHED_MAX_IN_FLIGHT ?? 16);
const base = `http://localhost:${PORT}`;

const deadline = setTimeout(() => {
  console.error("bench-shedding: time limit reached");
  process.exit(1);
}, (SECONDS + 240) * 1000);



type Sample = { status: number; ms: number; retryAfter: boolean };

/** Runs autocannon; every response's status and time (its own latency histogram mixes 503s in). */
async function load(opts: { path: string; headers?: Record<string, string>; connections: number; seconds: number; rate?: number }): Promise<{ samples: Sample[]; timeouts: number; errors: number }> {
  const samples: Sample[] = [];
  const result = await autocannon({
    url: `${base}${opts.path}`,
    headers: opts.headers,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    setupClient(client) {
      client.on("headers", (h: unknown) => {
        // The parser's header block: `headers` is the raw list [name, value, name, value, …].
        const list = ((h as { headers?: unknown[] } | null)?.headers ?? []).map(String);
        (client as unknown as { lastRetryAfter: boolean }).lastRetryAfter = list.some((x) => x.toLowerCase() === "retry-after");
      });
      client.on("response", (status: number, _bytes: number, ms: number) => {
        samples.push({ status, ms, retryAfter: (client as unknown as { lastRetryAfter?: boolean }).lastRetryAfter ?? false });
      });
    },
  });
  return { samples, timeouts: result.timeouts, errors: result.errors - result.timeouts };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.info("bench-shedding: skipped (no production build)");
    return 0;
  }
  const server = (await startBenchServer({ port: PORT, name: "shed", env: { NO_SIMULATORS: "1", SHED_MAX_IN_FLIGHT: String(LIMIT) } })).proc;
  const client = new HttpClient(base);
  const my = await signInOverHttp(client, { phone: `+2169${String(randomInt(10_000_000)).padStart(7, "0")}`, returnTo: "/en/my", locale: "en" });
  if (!/\/en\/my$/.test(new URL(my.url).pathname)) throw new Error(`sign-in landed on ${my.url}`);
  const signedIn = { cookie: client.cookieHeader(), accept: "text/html" };

  // Warm both pages, then the figures at rest.
  await load({ path: "/en/my", headers: signedIn, connections: 2, seconds: 3 });
  const homeAtRest = await load({ path: "/ar", connections: 1, seconds: 5, rate: 5 });
  const idleRss = rssMb(server.pid!);

  const capacity = await load({ path: "/en/my", headers: signedIn, connections: LIMIT, seconds: 8 });
  const served = capacity.samples.filter((s) => s.status === 200).length;
  const capacityRps = Math.max(1, Math.round(served / 8));
  const burstRps = 5 * capacityRps;
  console.info(`capacity: ${capacityRps} signed-in renders/s served (closed loop, ${LIMIT} at once); burst: ${burstRps}/s for ${SECONDS} s`);

  const [burst, home] = await Promise.all([
    load({ path: "/en/my", headers: signedIn, connections: Math.min(1000, burstRps * 4), seconds: SECONDS, rate: burstRps }),
    load({ path: "/ar", connections: 2, seconds: SECONDS, rate: 5 }),
  ]);
  const afterRss = rssMb(server.pid!);

  const all = burst.samples;
  const ok = all.filter((s) => s.status === 200);
  const shed = all.filter((s) => s.status === 503);
  const shedWithoutRetryAfter = shed.filter((s) => !s.retryAfter).length;
  const fivexx = all.filter((s) => s.status >= 500 && s.status !== 503).length;
  const other = all.length - ok.length - shed.length;
  const sent = all.length + burst.timeouts + burst.errors;
  const errors = other + burst.timeouts + burst.errors;
  const homeOk = home.samples.filter((s) => s.status === 200);
  const figures = {
    inFlightBound: LIMIT,
    capacityRps,
    burstRps,
    burstSeconds: SECONDS,
    requests: sent,
    shedShare: +(shed.length / Math.max(1, sent)).toFixed(3),
    servedP50Ms: Math.round(percentile(ok.map((s) => s.ms), 50)),
    servedP95Ms: Math.round(percentile(ok.map((s) => s.ms), 95)),
    shedP95Ms: Math.round(percentile(shed.map((s) => s.ms), 95)),
    errorShare: +(errors / Math.max(1, sent)).toFixed(4),
    timeouts: burst.timeouts,
    homeP95Ms: Math.round(percentile(homeOk.map((s) => s.ms), 95)),
    homeP95AtRestMs: Math.round(percentile(homeAtRest.samples.filter((s) => s.status === 200).map((s) => s.ms), 95)),
    homeErrors: home.samples.length - homeOk.length + home.timeouts + home.errors,
    rssIdleMb: idleRss,
    rssAfterMb: afterRss,
  };
  const row = (what: string, value: string, goal: string) => console.info(`${what.padEnd(44)} ${value.padStart(12)}   ${goal}`);
  console.info(`\nLoad shedding, 5× burst (${SECONDS} s, loopback):`);
  row("share of 503 (with Retry-After)", `${(figures.shedShare * 100).toFixed(1)} %`, "> 0 under a 5× burst");
  row("served: p50 / p95", `${figures.servedP50Ms} / ${figures.servedP95Ms} ms`, "");
  row("a 503 answered in (p95)", `${figures.shedP95Ms} ms`, "fast");
  row("errors (neither served nor 503), timeouts", `${(figures.errorShare * 100).toFixed(2)} %`, "goal < 1 %");
  row("home page p95 during the burst", `${figures.homeP95Ms} ms`, `goal ≤ 300 ms (at rest: ${figures.homeP95AtRestMs} ms)`);
  row("server memory idle → after", `${figures.rssIdleMb} → ${figures.rssAfterMb} MB`, "");
  console.info(`BENCH_SHEDDING ${JSON.stringify(figures)}`);
  const broken: string[] = [];
  if (shedWithoutRetryAfter > 0) broken.push(`${shedWithoutRetryAfter} 503s without Retry-After`);
  if (fivexx > 0) broken.push(`${fivexx} answers 5xx other than 503`);
  if (broken.length) console.error(`✗ ${broken.join("; ")}`);
  return broken.length ? 1 : 0;
}

exitWith(main(), deadline);
