// Payments reliability bench (called by `npm run bench`; alone: `node --conditions=react-server
// --import tsx scripts/bench-payments.ts`). The same guarantees as scripts/payments-reliability.test.ts
// with bigger numbers, on embedded PGlite, against the D17 and biller simulators on loopback:
//   - N concurrent attempts with one idempotency key → gateway charges, ledger rows;
//   - two keys per bill at once, for many bills → successes, refusals, charges;
//   - callbacks replayed out of order → backward moves;
//   - 20 concurrent payers → p50/p95 latency of startPayment() called in process (biller check +
//     D17 request + database, no HTTP in front);
//   - 20 concurrent payers → p50/p95 latency of the pay button itself: the check page's form
//     posted over HTTP to the production server's server action (needs `next build`; skipped
//     without one). This is "the pay endpoint" the issue asks about.
// Bounded: every step has a fixed count and the whole run a time limit. Exits 1 when a guarantee
// is broken (more than one charge for one key, two payments for one bill, a backward move, …), so
// `npm run bench` fails with it.
import { performance } from "node:perf_hooks";
import { count, eq } from "drizzle-orm";
import { openDatabase } from "@/lib/db/open";
import { paymentLedger, payments } from "@/lib/db/schema";
import { handleGatewayCallback } from "@/lib/payments/callback";
import { signCallback } from "@/lib/payments/d17/signature";
import type { PayableItem } from "@/lib/payments/payee";
import { createCheckout, startPayment } from "@/lib/payments/start-payment";
import type { PaymentState } from "@/lib/payments/states";
import { newIdempotencyKey, startHarness, type Harness } from "./support/payments-harness";
import { payOverHttp } from "./support/pay-over-http";

const SAME_KEY_ATTEMPTS = Number(process.env.BENCH_SAME_KEY ?? 200);
const CONTESTED_BILLS = Number(process.env.BENCH_CONTESTED ?? 50);
const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 100);
const PAYERS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HTTP_ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const HTTP_PORT = Number(process.env.BENCH_PAYMENTS_PORT ?? 3403);

const deadline = setTimeout(() => {
  console.error("bench-payments: time limit (10 min) reached");
  process.exit(1);
}, 10 * 60_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function checkout(h: Harness, userId: string, amount?: number) {
  const bill = await h.newBill(amount ? { amount } : {});
  const item: PayableItem = { payee: "steg", reference: bill.reference, key: bill.key, amountMillimes: bill.amount, customer: "Be**", period: null, dueDate: null };
  return (await createCheckout({ deps: h.deps, userId, items: [item] })).checkoutId;
}

async function main() {
  const database = await openDatabase({ pgliteDir: "memory://" });
  const h = await startHarness({ database, d17TimeoutMs: 10_000 });
  const results: Record<string, unknown> = {};
  try {
    // 1. Same idempotency key, many at once.
    {
      const c = await h.newCitizen();
      const checkoutId = await checkout(h, c.userId);
      const key = newIdempotencyKey();
      const before = h.d17.stats().requestsCreated;
      const t0 = performance.now();
      const out = await Promise.all(
        Array.from({ length: SAME_KEY_ATTEMPTS }, () => startPayment({ deps: h.deps, userId: c.userId, checkoutId, payerPhone: c.phone, idempotencyKey: key, locale: "ar-TN" })),
      );
      const ms = performance.now() - t0;
      const ids = new Set(out.map((o) => o.paymentId));
      const [rows] = await database.db.select({ n: count() }).from(paymentLedger).where(eq(paymentLedger.paymentId, [...ids][0]!));
      const [made] = await database.db.select({ n: count() }).from(payments).where(eq(payments.idempotencyKey, key));
      results.sameKey = { attempts: SAME_KEY_ATTEMPTS, payments: made!.n, gatewayCharges: h.d17.stats().requestsCreated - before, ledgerRows: rows!.n, ms: Math.round(ms) };
    }

    // 2. Two different keys for the same bill at once, for many bills.
    {
      const c = await h.newCitizen({ balance: 100_000_000 });
      let ok = 0;
      let refused = 0;
      const before = h.d17.stats().requestsCreated;
      for (let i = 0; i < CONTESTED_BILLS; i++) {
        const checkoutId = await checkout(h, c.userId);
        const r = await Promise.allSettled([0, 1].map(() => startPayment({ deps: h.deps, userId: c.userId, checkoutId, payerPhone: c.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" })));
        ok += r.filter((x) => x.status === "fulfilled").length;
        refused += r.filter((x) => x.status === "rejected").length;
      }
      results.contested = { bills: CONTESTED_BILLS, attempts: CONTESTED_BILLS * 2, succeeded: ok, refused, gatewayCharges: h.d17.stats().requestsCreated - before };
    }

    // 3. Callbacks replayed out of order after payment: never backwards.
    {
      const c = await h.newCitizen();
      const { paymentId } = await startPayment({ deps: h.deps, userId: c.userId, checkoutId: await checkout(h, c.userId), payerPhone: c.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      const [p] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
      h.d17.decide(p!.gatewayPaymentId!, { code: c.code, decision: "approve" });
      const rank: Record<PaymentState, number> = { created: 0, pending: 1, paid: 2, declined: 2, expired: 2, refunded: 3 };
      const statuses = ["pending", "declined", "expired", "paid"] as const;
      let backwards = 0;
      let last = 0;
      for (let i = 0; i < REPLAYS; i++) {
        const body = JSON.stringify({ eventId: `ev_${i}`, type: "payment_request.updated", paymentRequestId: p!.gatewayPaymentId, merchantReference: p!.reference, status: statuses[i % 4], occurredAt: new Date().toISOString() });
        const ts = Math.floor(Date.now() / 1000);
        await handleGatewayCallback({ deps: h.deps, rawBody: body, headers: new Headers({ "d17-timestamp": String(ts), "d17-signature": signCallback(h.webhookSecret, ts, body) }) });
        const [now] = await database.db.select({ state: payments.state }).from(payments).where(eq(payments.id, paymentId));
        if (rank[now!.state] < last) backwards++;
        last = Math.max(last, rank[now!.state]);
      }
      const [rows] = await database.db.select({ n: count() }).from(paymentLedger).where(eq(paymentLedger.paymentId, paymentId));
      results.replays = { callbacks: REPLAYS, backwardMoves: backwards, ledgerRows: rows!.n };
    }

    // 4. 20 concurrent payers, several rounds: latency of starting a payment.
    {
      const latencies: number[] = [];
      const before = h.d17.stats().requestsCreated;
      for (let round = 0; round < ROUNDS; round++) {
        const payers = await Promise.all(Array.from({ length: PAYERS }, () => h.newCitizen()));
        const checkouts = await Promise.all(payers.map((p) => checkout(h, p.userId)));
        await Promise.all(
          payers.map(async (p, i) => {
            const t0 = performance.now();
            await startPayment({ deps: h.deps, userId: p.userId, checkoutId: checkouts[i]!, payerPhone: p.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
            latencies.push(performance.now() - t0);
          }),
        );
      }
      latencies.sort((a, b) => a - b);
      results.payersInProcess = {
        what: "startPayment() in process, no HTTP",
        concurrentPayers: PAYERS,
        payments: latencies.length,
        gatewayCharges: h.d17.stats().requestsCreated - before,
        p50ms: Math.round(percentile(latencies, 50)),
        p95ms: Math.round(percentile(latencies, 95)),
        maxMs: Math.round(latencies[latencies.length - 1]!),
      };
    }
  } finally {
    await h.close();
    await database.close();
  }

  // 5. The pay button over HTTP, 20 payers at once, on the production server.
  {
    const r = await payOverHttp({ payers: PAYERS, rounds: HTTP_ROUNDS, port: HTTP_PORT });
    if ("skipped" in r) results.payOverHttp = { skipped: r.skipped };
    else {
      const latencies = [...r.latencies].sort((a, b) => a - b);
      results.payOverHttp = {
        what: "pay button: the check page's form POSTed to its server action (no-JS path), production server, loopback",
        concurrentPayers: PAYERS,
        payments: latencies.length,
        waitingPages: r.waitingPages,
        gatewayCharges: r.gatewayCharges,
        /** 503s (Retry-After) the server shed and the payer pressed again after: never a second charge. */
        shed503: r.shed,
        p50ms: Math.round(percentile(latencies, 50)),
        p95ms: Math.round(percentile(latencies, 95)),
        maxMs: Math.round(latencies[latencies.length - 1]!),
      };
    }
  }
  clearTimeout(deadline);
  console.info("Payments reliability (in process, PGlite, simulators over loopback HTTP):");
  for (const [k, v] of Object.entries(results)) console.info(`  ${k.padEnd(10)} ${JSON.stringify(v)}`);
  console.info(`BENCH_PAYMENTS ${JSON.stringify(results)}`);

  const broken = guaranteesBroken(results);
  for (const b of broken) console.error(`✗ ${b}`);
  if (broken.length > 0) process.exit(1);
}

type Figures = Record<string, number | string | undefined>;
function guaranteesBroken(results: Record<string, unknown>): string[] {
  const r = results as Record<string, Figures>;
  const out: string[] = [];
  const { sameKey, contested, replays, payersInProcess, payOverHttp: http } = r;
  if (sameKey?.payments !== 1 || sameKey.gatewayCharges !== 1 || sameKey.ledgerRows !== 1) out.push(`same key: ${JSON.stringify(sameKey)} (want 1 payment, 1 charge, 1 ledger row)`);
  if (contested?.succeeded !== contested?.bills || contested?.refused !== contested?.bills || contested?.gatewayCharges !== contested?.bills) out.push(`two keys per bill: ${JSON.stringify(contested)} (want one success and one refusal per bill)`);
  if (replays?.backwardMoves !== 0 || replays.ledgerRows !== 2) out.push(`replays: ${JSON.stringify(replays)} (want no backward move, 2 ledger rows)`);
  if (payersInProcess?.gatewayCharges !== payersInProcess?.payments) out.push(`payers in process: ${JSON.stringify(payersInProcess)} (want one charge per payment)`);
  if (http && !("skipped" in http) && (http.gatewayCharges !== http.payments || http.waitingPages !== http.payments)) out.push(`pay over HTTP: ${JSON.stringify(http)} (want one charge and one waiting page per payment)`);
  return out;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
