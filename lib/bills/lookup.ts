import { AppError } from "@/lib/errors";
import { billers, isBillerId, normalizeDigits, type BillerId } from "./billers";
import { BillerUnavailable, type Bill } from "./types";
import type { BillerAdapters } from "./adapters";

/**
 * Looks a bill up with its biller. Input errors come back as field errors (message keys of the
 * Bills namespace); an unreachable biller is `unavailable`, never "not found".
 */
export async function lookupBill(opts: { adapters: BillerAdapters; biller: string; reference: string; key?: string | null }): Promise<Bill> {
  const { biller, reference, key } = checkBillInput(opts);
  try {
    const bill = await opts.adapters[biller].lookupBill({ reference, key });
    if (!bill) throw new AppError("notFound", { messageKey: "Bills.errors.notFound", fields: { reference: "Bills.errors.notFound" } });
    return bill;
  } catch (error) {
    if (error instanceof BillerUnavailable) throw new AppError("unavailable", { messageKey: "Bills.errors.billerUnavailable", cause: error });
    throw error;
  }
}

export function checkBillInput(opts: { biller: string; reference: string; key?: string | null }): { biller: BillerId; reference: string; key: string | null } {
  if (!isBillerId(opts.biller)) throw new AppError("validation", { fields: { biller: "Bills.errors.billerRequired" } });
  const def = billers[opts.biller];
  const reference = normalizeDigits(opts.reference);
  const key = def.key ? normalizeDigits(opts.key ?? "") : null;
  const fields: Record<string, string> = {};
  if (!reference) fields.reference = "Bills.errors.referenceRequired";
  else if (!def.reference.test(reference)) fields.reference = `Bills.errors.referenceFormat.${def.id}`;
  if (def.key && !key) fields.key = "Bills.errors.keyRequired";
  else if (def.key && key && !def.key.test(key)) fields.key = "Bills.errors.keyFormat";
  if (Object.keys(fields).length) throw new AppError("validation", { fields });
  return { biller: opts.biller, reference, key };
}

/** Unpaid first (overdue before due), then by due date. */
export function sortBills<T extends Pick<Bill, "status" | "dueDate">>(bills: T[]): T[] {
  const order = { overdue: 0, unpaid: 1, paid: 2 } as const;
  return [...bills].sort((a, b) => order[a.status] - order[b.status] || a.dueDate.localeCompare(b.dueDate));
}
