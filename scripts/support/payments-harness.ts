// The payments stack in one process for the reliability tests and the bench: a database, the D17
// simulator and the biller simulator on free loopback ports, the real HTTP adapters, and a small
// HTTP server that receives D17's callbacks and hands them to the same function the app's route
// calls. Nothing is mocked: every call crosses a socket, as in production.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomInt, randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/open";
import { users } from "@/lib/db/schema";
import { resolveSigningKey } from "@/lib/documents/signing";
import { billerIds } from "@/lib/bills/billers";
import { createHttpBillerAdapter } from "@/lib/bills/http-adapter";
import { billersAsPayees } from "@/lib/bills/payee";
import { startBillerSimulator, type BillerSimulator, type SeedBill } from "@/lib/bills/simulator";
import type { BillerAdapters } from "@/lib/bills/adapters";
import { createD17Gateway } from "@/lib/payments/d17/adapter";
import { startD17Simulator, type D17Simulator, type Wallet } from "@/lib/payments/d17/simulator";
import { handleGatewayCallback } from "@/lib/payments/callback";
import type { PaymentDeps } from "@/lib/payments/deps";

const API_KEY = "harness-d17-api-key-0123456789";
const WEBHOOK_SECRET = "harness-d17-webhook-secret-0123";
const MERCHANT = "idarti-test";
const BILLER_TOKEN = "harness-biller-token-0123456789";

export type Harness = {
  deps: PaymentDeps;
  d17: D17Simulator;
  billers: BillerSimulator;
  adapters: BillerAdapters;
  webhookSecret: string;
  callbackUrl: string;
  /** Business clock: moved by tests (expiry). */
  clock: { offsetMs: number };
  /** A citizen with a D17 wallet of `balance` millimes. */
  newCitizen(opts?: { balance?: number; code?: string }): Promise<{ userId: string; phone: string; code: string }>;
  /** A fresh unpaid bill at the biller simulator. */
  newBill(opts?: Partial<SeedBill>): Promise<SeedBill>;
  close(): Promise<void>;
};

let billCounter = 0;

export async function startHarness(opts: { database: Database; d17TimeoutMs?: number; expirySeconds?: number }): Promise<Harness> {
  const d17 = await startD17Simulator({ port: 0, apiKey: API_KEY, merchantId: MERCHANT, webhookSecret: WEBHOOK_SECRET, wallets: [] });
  const billers = await startBillerSimulator({ port: 0, token: BILLER_TOKEN, bills: [] });
  const clock = { offsetMs: 0 };

  const holder: { deps?: PaymentDeps } = {};
  const callbackServer: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      handleGatewayCallback({ deps: holder.deps!, rawBody: Buffer.concat(chunks).toString("utf8"), headers })
        .then((answer) => {
          res.writeHead(answer.status, { "content-type": "application/json" });
          res.end(JSON.stringify(answer.body));
        })
        .catch((error: unknown) => {
          console.error("callback failed", error);
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  const callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/api/payments/d17/callback`;

  const adapters = Object.fromEntries(
    billerIds.map((b) => [b, createHttpBillerAdapter({ biller: b, apiUrl: billers.url, token: BILLER_TOKEN, timeoutMs: 10_000 })]),
  ) as BillerAdapters;

  const deps: PaymentDeps = {
    db: opts.database.db,
    gateway: createD17Gateway({ apiUrl: d17.url, merchantId: MERCHANT, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, callbackUrl, timeoutMs: opts.d17TimeoutMs ?? 5000 }),
    payees: billersAsPayees(adapters),
    now: async () => new Date(Date.now() + clock.offsetMs),
    signingKey: resolveSigningKey({ authSecret: "harness" }),
    settings: { expirySeconds: opts.expirySeconds ?? 600, feeMillimes: 0, appUrl: "http://localhost:3000" },
  };

  holder.deps = deps;
  return {
    deps,
    d17,
    billers,
    adapters,
    webhookSecret: WEBHOOK_SECRET,
    callbackUrl,
    clock,
    async newCitizen(o = {}) {
      const phone = `+2169${String(randomInt(10_000_000)).padStart(7, "0")}`;
      const [u] = await opts.database.db.insert(users).values({ phone: `${phone}`, name: "Test" }).onConflictDoUpdate({ target: users.phone, set: { name: "Test" } }).returning({ id: users.id });
      const code = o.code ?? "2468";
      const wallet: Wallet = { phone, name: "Test", balance: o.balance ?? 1_000_000, code };
      await fetch(`${d17.url}/_control/wallets`, { method: "POST", body: JSON.stringify(wallet) });
      return { userId: u!.id, phone, code };
    },
    async newBill(o = {}) {
      billCounter++;
      const n = String(randomInt(1_000_000_000)).padStart(9, "0");
      const bill: SeedBill = {
        biller: "steg",
        reference: `8${n}`,
        contract: `8${n.slice(0, 7)}`,
        key: "42",
        customerName: "Test Citizen",
        periodStartDays: -70,
        periodEndDays: -10,
        dueDays: 10,
        amount: 10_000 + billCounter * 10,
        ...o,
      };
      billers.addBill(bill);
      return bill;
    },
    async close() {
      const closed = new Promise<void>((resolve) => callbackServer.close(() => resolve()));
      callbackServer.closeAllConnections();
      await closed;
      await d17.close();
      await billers.close();
    },
  };
}

export function newIdempotencyKey(): string {
  return randomUUID();
}
