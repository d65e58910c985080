import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { billerAdapters } from "./adapters";
import { isBillerId } from "./billers";
import { keyForSavedBill, listMyBills, removeContract, saveContract, type ContractBills, type SavedContract } from "./contracts";
import { lookupBill } from "./lookup";
import type { Bill } from "./types";

/** The bills domain as pages and actions use it: the configured billers and the app's database. */

export async function findBill(opts: { biller: string; reference: string; key?: string | null }): Promise<Bill> {
  return lookupBill({ adapters: billerAdapters(), ...opts });
}

export async function myBills(opts: { userId: string }): Promise<ContractBills[]> {
  const { db } = await getDb();
  return listMyBills({ db, adapters: billerAdapters(), userId: opts.userId });
}

export async function addMyContract(opts: { userId: string; biller: string; contract: string; key?: string | null; label: string }): Promise<SavedContract> {
  const { db } = await getDb();
  return saveContract({ db, adapters: billerAdapters(), ...opts });
}

export async function removeMyContract(opts: { userId: string; contractId: string }): Promise<void> {
  const { db } = await getDb();
  await removeContract({ db, ...opts });
}

/**
 * The bills a citizen ticked in "my bills" ("steg:40112233:4011223301"), looked up again with
 * their billers using the saved contract's key — which never went to the browser.
 */
export async function savedBillsToPay(opts: { userId: string; selections: string[] }): Promise<(Bill & { key: string | null })[]> {
  const { db } = await getDb();
  const out: (Bill & { key: string | null })[] = [];
  for (const s of opts.selections) {
    const [biller, contract, reference] = s.split(":");
    if (!biller || !contract || !reference || !isBillerId(biller)) throw new AppError("validation", { fields: { bills: "Pay.errors.chooseBill" } });
    const key = await keyForSavedBill({ db, userId: opts.userId, biller, contract });
    const bill = await lookupBill({ adapters: billerAdapters(), biller, reference, key });
    if (bill.contract !== contract) throw new AppError("notFound");
    out.push({ ...bill, key });
  }
  return out;
}
