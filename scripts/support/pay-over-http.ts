// The pay button over HTTP, as a browser without JavaScript sends it: a production server (the
// existing `next build`, demo mode, its own D17 and biller simulators, a throw-away PGlite),
// citizens signed in through the real sign-in pages, bills looked up through /pay/find, then
// the check page's form posted to its server action by every payer at once. The time measured
// is the POST's, from sending it to its answer (the redirect to the waiting page): biller check,
// D17 request-to-pay, database — everything the pay button costs on the server, plus loopback HTTP.
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startBenchServer } from "./bench-server.mjs";
import { HttpClient, signInOverHttp, type FormPage } from "./http-forms";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function payOverHttp(opts: { payers: number; rounds: number; port: number }): Promise<{ latencies: number[]; gatewayCharges: number; waitingPages: number; shed: number } | { skipped: string }> {
  if (!existsSync(".next/BUILD_ID")) return { skipped: "no production build (run `next build` first)" };
  const base = `http://localhost:${opts.port}`;
  const d17 = `http://127.0.0.1:${opts.port + 1}`;
  const billers = `http://127.0.0.1:${opts.port + 2}`;
  // Every payer comes from 127.0.0.1 (per-IP sign-in limits opened by the bench server).
  const { stop } = await startBenchServer({
    port: opts.port,
    name: "pay",
    env: { D17_SIMULATOR_PORT: String(opts.port + 1), D17_API_URL: d17, BILLER_SIMULATOR_PORT: String(opts.port + 2), BILLER_API_URL: billers },
  });
  try {
    const before = await d17Stats(d17);
    const latencies: number[] = [];
    let waitingPages = 0;
    let shed = 0;
    for (let round = 0; round < opts.rounds; round++) {
      // Set-up, a few at a time (not measured): a signed-in citizen on the check page of a fresh bill.
      const ready: { client: HttpClient; check: FormPage; phone: string }[] = [];
      for (let i = 0; i < opts.payers; i += 5) {
        ready.push(...(await Promise.all(Array.from({ length: Math.min(5, opts.payers - i) }, () => preparePayer({ base, d17, billers })))));
      }
      // Measured: every payer presses "pay" at once.
      await Promise.all(
        ready.map(async ({ client, check, phone }) => {
          const { action, data } = client.formData(check, 'name="payerPhone"', { payerPhone: phone });
          const t0 = performance.now();
          let { res } = await client.raw(new URL(action, check.url).href, { method: "POST", body: data });
          // More payers at once than the server takes in flight: it sheds with 503 + Retry-After
          // (lib/http/shed). The payer presses again after the wait, with the same form (the same
          // idempotency key), as the form kit does; the latency is to the answer that counts.
          for (let tries = 0; res.status === 503 && tries < 10; tries++) {
            shed++;
            await sleep(Number(res.headers.get("retry-after") ?? "1") * 1000);
            ({ res } = await client.raw(new URL(action, check.url).href, { method: "POST", body: data }));
          }
          latencies.push(performance.now() - t0);
          const location = res.headers.get("location") ?? "";
          if (res.status === 303 && /\/pay\/status\//.test(location)) waitingPages++;
          else console.error(`pay answered ${res.status} ${location}`);
        }),
      );
    }
    const after = await d17Stats(d17);
    return { latencies, gatewayCharges: after.requestsCreated - before.requestsCreated, waitingPages, shed };
  } finally {
    stop();
    await sleep(500);
  }
}

async function d17Stats(d17: string): Promise<{ requestsCreated: number }> {
  return (await (await fetch(`${d17}/_control/stats`)).json()) as { requestsCreated: number };
}

async function preparePayer(o: { base: string; d17: string; billers: string }): Promise<{ client: HttpClient; check: FormPage; phone: string }> {
  const local = `9${String(randomInt(10_000_000)).padStart(7, "0")}`;
  const phone = `+216${local}`;
  const reference = `6${String(randomInt(1_000_000_000)).padStart(9, "0")}`;
  const bill = await fetch(`${o.billers}/_control/bills`, {
    method: "POST",
    body: JSON.stringify({ biller: "steg", reference, contract: reference.slice(0, 8), key: "42", customerName: "Bench Payer", amount: 12_340, dueDays: 9 }),
  });
  if (bill.status !== 201) throw new Error(`biller simulator: ${bill.status}`);
  const wallet = await fetch(`${o.d17}/_control/wallets`, { method: "POST", body: JSON.stringify({ phone, name: "Bench Payer", balance: 500_000, code: "2468" }) });
  if (!wallet.ok) throw new Error(`D17 simulator: ${wallet.status}`);

  const client = new HttpClient(o.base);
  const page = await signInOverHttp(client, { phone, returnTo: "/fr/pay/find" });
  if (!/\/pay\/find/.test(page.url)) throw new Error(`sign-in: landed on ${page.url}`);
  const check = (await client.submit(page, 'name="reference"', { biller: "steg", reference, key: "42" })).page;
  if (!/\/pay\/check\//.test(check.url)) throw new Error(`lookup: landed on ${check.url}`);
  return { client, check, phone: local };
}
