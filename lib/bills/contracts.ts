import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { billContracts } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { billers, isBillerId, normalizeDigits, type BillerId } from "./billers";
import { sortBills } from "./lookup";
import { BillerUnavailable, type Bill } from "./types";
import type { BillerAdapters } from "./adapters";

export type SavedContract = { id: string; billerId: BillerId; contractReference: string; hasKey: boolean; label: string };

/**
 * "My bills": a citizen saves a contract once (checked with the biller first, so that nobody
 * saves a contract whose key they do not have) and then sees its unpaid bills with the others.
 */
export async function saveContract(opts: { db: Db; adapters: BillerAdapters; userId: string; biller: string; contract: string; key?: string | null; label: string }): Promise<SavedContract> {
  if (!isBillerId(opts.biller)) throw new AppError("validation", { fields: { biller: "Bills.errors.billerRequired" } });
  const def = billers[opts.biller];
  const contract = normalizeDigits(opts.contract);
  const key = def.key ? normalizeDigits(opts.key ?? "") : null;
  const label = opts.label.trim();
  const fields: Record<string, string> = {};
  if (!def.contract.test(contract)) fields.contract = `Bills.errors.contractFormat.${def.id}`;
  if (def.key && !(key && def.key.test(key))) fields.key = key ? "Bills.errors.keyFormat" : "Bills.errors.keyRequired";
  if (!label) fields.label = "Bills.errors.labelRequired";
  else if (label.length > 60) fields.label = "Bills.errors.labelTooLong";
  if (Object.keys(fields).length) throw new AppError("validation", { fields });

  let found: Bill[] | null;
  try {
    found = await opts.adapters[opts.biller].listContractBills({ contract, key });
  } catch (error) {
    if (error instanceof BillerUnavailable) throw new AppError("unavailable", { messageKey: "Bills.errors.billerUnavailable", cause: error });
    throw error;
  }
  if (!found) throw new AppError("notFound", { messageKey: "Bills.errors.contractNotFound", fields: { contract: "Bills.errors.contractNotFound" } });

  const [row] = await opts.db
    .insert(billContracts)
    .values({ userId: opts.userId, billerId: opts.biller, contractReference: contract, contractKey: key, label })
    .onConflictDoUpdate({ target: [billContracts.userId, billContracts.billerId, billContracts.contractReference], set: { contractKey: key, label } })
    .returning();
  return toSaved(row!);
}

export async function listContracts(opts: { db: Db; userId: string }): Promise<SavedContract[]> {
  const rows = await opts.db.select().from(billContracts).where(eq(billContracts.userId, opts.userId)).orderBy(asc(billContracts.createdAt));
  return rows.map(toSaved);
}

export async function removeContract(opts: { db: Db; userId: string; contractId: string }): Promise<void> {
  await opts.db.delete(billContracts).where(and(eq(billContracts.id, opts.contractId), eq(billContracts.userId, opts.userId)));
}

export type ContractBills = { contract: SavedContract; bills: Bill[]; problem: null | "unavailable" | "notFound" };

/** Every saved contract with its bills, asked of each biller at once; one biller down spoils nothing else. */
export async function listMyBills(opts: { db: Db; adapters: BillerAdapters; userId: string }): Promise<ContractBills[]> {
  const rows = await opts.db.select().from(billContracts).where(eq(billContracts.userId, opts.userId)).orderBy(asc(billContracts.createdAt));
  return Promise.all(
    rows.map(async (row): Promise<ContractBills> => {
      const contract = toSaved(row);
      if (!isBillerId(row.billerId)) return { contract, bills: [], problem: "notFound" };
      try {
        const bills = await opts.adapters[row.billerId].listContractBills({ contract: row.contractReference, key: row.contractKey });
        return bills ? { contract, bills: sortBills(bills), problem: null } : { contract, bills: [], problem: "notFound" };
      } catch (error) {
        if (error instanceof BillerUnavailable) return { contract, bills: [], problem: "unavailable" };
        throw error;
      }
    }),
  );
}

/** Finds a saved contract's key for one of its bills (the key never travels through the browser). */
export async function keyForSavedBill(opts: { db: Db; userId: string; biller: string; contract: string }): Promise<string | null> {
  const [row] = await opts.db
    .select({ key: billContracts.contractKey })
    .from(billContracts)
    .where(and(eq(billContracts.userId, opts.userId), eq(billContracts.billerId, opts.biller), eq(billContracts.contractReference, opts.contract)));
  if (!row) throw new AppError("notFound");
  return row.key;
}

function toSaved(row: typeof billContracts.$inferSelect): SavedContract {
  return { id: row.id, billerId: row.billerId as BillerId, contractReference: row.contractReference, hasKey: row.contractKey !== null, label: row.label };
}
