import { randomInt } from "node:crypto";
import { expect, type APIRequestContext, type BrowserContext } from "@playwright/test";

/**
 * The e2e server's D17 and biller simulators (playwright.config.ts starts them on these ports).
 * Each journey makes its own bill and its own D17 wallet through the simulators' control APIs, so
 * journeys never share money or bills.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
export const d17Url = `http://127.0.0.1:${Number(process.env.E2E_D17_PORT ?? port + 101)}`;
export const billerUrl = `http://127.0.0.1:${Number(process.env.E2E_BILLER_PORT ?? port + 102)}`;

export type TestBill = { reference: string; key: string; amount: number };
export type TestWallet = { phone: string; local: string; code: string };

export async function newStegBill(request: APIRequestContext, amount = 87_450): Promise<TestBill> {
  const reference = `6${String(randomInt(1_000_000_000)).padStart(9, "0")}`;
  const res = await request.post(`${billerUrl}/_control/bills`, {
    data: { biller: "steg", reference, contract: reference.slice(0, 8), key: "42", customerName: "Leila Gharbi", amount, dueDays: 9 },
  });
  expect(res.status()).toBe(201);
  return { reference, key: "42", amount };
}

export async function newWallet(request: APIRequestContext, balance = 500_000): Promise<TestWallet> {
  const local = `9${String(randomInt(10_000_000)).padStart(7, "0")}`;
  const wallet = { phone: `+216${local}`, name: "Leila Gharbi", balance, code: "2468" };
  const res = await request.post(`${d17Url}/_control/wallets`, { data: wallet });
  expect(res.ok()).toBe(true);
  return { phone: wallet.phone, local, code: wallet.code };
}

/** What the payer does on their phone: open the D17 app (the simulator's page) and decide. */
export async function decideInD17(context: BrowserContext, wallet: TestWallet, decision: "approve" | "refuse") {
  const phone = await context.newPage();
  await phone.goto(`${d17Url}/app?phone=${encodeURIComponent(wallet.phone)}`);
  await expect(phone.getByRole("heading", { name: /Idarti/ })).toBeVisible();
  await phone.getByLabel("Code D17").fill(wallet.code);
  await phone.getByRole("button", { name: decision === "approve" ? /Approuver/ : /Refuser/ }).click();
  await expect(phone.getByRole("status")).toContainText(decision === "approve" ? /approuvé|refusé/ : /refusé/);
  await phone.close();
}

/** The D17 simulator's control API: down (every API call's connection reset) or back. */
export async function setD17Down(request: APIRequestContext, down: boolean) {
  const res = await request.post(`${d17Url}/_control/config`, { data: { down } });
  if (!res.ok()) throw new Error(`D17 simulator: ${res.status()}`);
}
