// `npm run bench` runs this after the route benches (or alone:
// `node --conditions=react-server --import tsx scripts/bench-interviews.ts`, after `next build`).
import { inboundVideo, installCallProbe } from "../e2e/support/call-probe";
// On loopback, against a throw-away PGlite database and the production build:
//  - the time two participants take to connect (from the moment both are in the room to the
//    WebRTC connection), median over several rejoins;
//  - what the low-bandwidth default really sends, from getStats ≥ 3 s after connecting
//    (resolution, frame rate, bitrate received);
//  - the gzipped JS of the booking page and of the call page, next to the control route.
// Bounded in time; prints its figures and writes bench-results/interviews.json.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, devices, type Browser, type Page } from "@playwright/test";
import { chromiumArgs, findChromium } from "./chromium.mjs";
import { startBenchServer } from "./support/bench-server.mjs";

const RUNS = Number(process.env.BENCH_CALL_RUNS ?? 5);
const port = Number(process.env.BENCH_INTERVIEWS_PORT ?? 3402);
const base = `http://localhost:${port}`;
const citizenPhone = "+21698123456";
const officialPhone = "+21620000003";

let stop = () => {};
const deadline = setTimeout(() => {
  console.error("bench-interviews: took more than 8 minutes, stopped");
  process.exit(1);
}, 8 * 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};


async function setClock(at: Date | null) {
  const r = await fetch(`${base}/api/test/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ now: at?.toISOString() ?? null }) });
  if (!r.ok) throw new Error(`clock ${r.status}`);
}

/** Signs in through the real pages, reading the code from the demo SMS outbox. */
async function signIn(page: Page, phone: string) {
  await page.goto(`/ar/sign-in?returnTo=${encodeURIComponent("/ar/account")}`);
  await page.locator('main input[name="phone"]').fill(phone);
  await page.locator('main form button[type="submit"]').first().click();
  await page.waitForURL(/\/sign-in\/code/, { timeout: 60_000 });
  const challenge = (await page.context().cookies()).find((c) => c.name === "__Host-idarti.otp");
  if (!challenge) throw new Error("no code request");
  const ref = createHash("sha256").update(challenge.value).digest("hex").slice(0, 16);
  const row = new RegExp(`data-ref="${ref}"[\\s\\S]*?data-testid="sms-text"[^>]*>([^<]*)<`);
  let code: string | undefined;
  for (let i = 0; i < 40 && !code; i++) {
    const html = await (await page.request.get(`/ar/dev/sms?to=${encodeURIComponent(phone)}`)).text();
    code = /\b(\d{6})\b/.exec(row.exec(html)?.[1] ?? "")?.[1];
    if (!code) await sleep(250);
  }
  if (!code) throw new Error("no code in the outbox");
  await page.locator('main input[name="code"]').fill(code);
  await page.locator('main form button[type="submit"]').first().click();
  await page.waitForURL((u) => !/\/sign-in/.test(u.pathname), { timeout: 60_000 });
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: base, locale: "ar-TN", timezoneId: "Africa/Tunis", permissions: ["camera", "microphone"] });
  await installCallProbe(context);
  return context.newPage();
}

const sizes = new Map<string, number>();
/** Gzipped JS the page's server HTML loads (scripts and script preloads), as scripts/bench.mjs counts it. */
async function pageJs(page: Page, url: string) {
  const html = await page.evaluate(async (u) => (await fetch(u)).text(), url);
  const srcs = new Set([...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]!)).map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1]).filter((x): x is string => Boolean(x)));
  for (const m of html.matchAll(/<link[^>]+rel="preload"[^>]+as="script"[^>]+href="([^"]+)"/g)) srcs.add(m[1]!);
  let total = 0;
  for (const src of srcs) {
    const abs = new URL(src, base).href;
    if (!sizes.has(abs)) sizes.set(abs, gzipSync(Buffer.from(await (await fetch(abs)).arrayBuffer())).length);
    total += sizes.get(abs)!;
  }
  return total;
}

async function main() {
  ({ stop } = await startBenchServer({ port, name: "iv", env: { TEST_CLOCK: "true" } }));
  const executablePath = (await findChromium()) ?? undefined;
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  // A Monday two weeks ahead, 07:00 in Tunis: the demo officials take interviews from 08:30.
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 14);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  const day = d.toISOString().slice(0, 10);
  await setClock(new Date(`${day}T07:00:00+01:00`));

  const citizen = await newPage(browser);
  await signIn(citizen, citizenPhone);
  await citizen.goto("/ar/interviews/book?body=steg&topic=billing&interpreter=no");
  const step4 = (await citizen.locator("main ul a").first().getAttribute("href"))!;
  const bookingJs = await pageJs(citizen, step4);
  await citizen.goto(step4);
  await citizen.locator("textarea[name=subject]").fill("قياس الأداء");
  await citizen.locator("main form button[type=submit]").click();
  // Check your answers, then confirm (the slot is reserved only now).
  await citizen.waitForURL(/step=check/, { timeout: 60_000 });
  await citizen.locator("main form button[type=submit]").click();
  await citizen.waitForURL(/\/interviews\/[0-9a-f-]{36}\?booked=1/, { timeout: 60_000 });
  const id = /\/interviews\/([0-9a-f-]{36})/.exec(citizen.url())![1]!;

  const js = { control: await pageJs(citizen, "/ar/control"), booking: bookingJs, confirmation: await pageJs(citizen, `/ar/interviews/${id}`), call: 0 };

  const ics = await citizen.evaluate(async (u) => (await fetch(u)).text(), `/api/interviews/${id}/ics?locale=ar-TN`);
  const m = /DTSTART;TZID=Africa\/Tunis:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)/.exec(ics)!;
  const startsAt = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+01:00`);
  await setClock(new Date(startsAt.getTime() - 5 * 60_000));

  // Two weeks later on the server's clock, the citizen's session has ended (sessions expire):
  // they sign in again, as they would on the day.
  await signIn(citizen, citizenPhone);
  const official = await newPage(browser);
  await signIn(official, officialPhone);
  await citizen.goto(`/ar/interviews/${id}/call`);
  js.call = await pageJs(citizen, `/ar/interviews/${id}/call`);
  await official.goto(`/ar/interviews/${id}/call`);
  await official.getByRole("button", { name: /إدخال/ }).click({ timeout: 60_000 });

  const connectTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (run > 0) await citizen.reload();
    const ms = await citizen.waitForFunction(() => window.__callProbe?.connectMs ?? null, null, { timeout: 60_000, polling: 50 }).then((h) => h.jsonValue() as Promise<number>);
    connectTimes.push(ms);
  }
  await sleep(3000);
  await inboundVideo(citizen); // first sample: the bitrate needs two
  await sleep(2000);
  const stats = await inboundVideo(citizen);
  const video = stats[0] ?? null;

  const results = {
    at: new Date().toISOString(),
    connectMs: { runs: connectTimes, median: median(connectTimes) },
    lowBandwidthDefault: video,
    gzJsKb: Object.fromEntries(Object.entries(js).map(([k, v]) => [k, +(v / 1024).toFixed(1)])),
    overControlKb: { booking: +((js.booking - js.control) / 1024).toFixed(1), confirmation: +((js.confirmation - js.control) / 1024).toFixed(1), call: +((js.call - js.control) / 1024).toFixed(1) },
  };
  console.info(`Connect time on loopback (2 participants, ${RUNS} runs): median ${results.connectMs.median} ms — ${connectTimes.join(", ")} ms`);
  if (video) console.info(`Low-bandwidth default, received ≥ 3 s after connecting: ${video.width}×${video.height} @ ${video.fps} fps, ${video.kbps ?? "?"} kbps`);
  console.info(`Gzipped JS (ar): control ${results.gzJsKb.control} kB; booking +${results.overControlKb.booking} kB; confirmation +${results.overControlKb.confirmation} kB; call +${results.overControlKb.call} kB`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/interviews.json", JSON.stringify(results, null, 2));
  await setClock(null);
  await browser.close();
}

main()
  .then(() => {
    clearTimeout(deadline);
    stop();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    stop();
    process.exit(1);
  });
