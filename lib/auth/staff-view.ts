import "server-only";
import { getDb } from "@/lib/db/client";
import { listStaffAccounts, type StaffAccount } from "./accounts";

/** The staff and volunteer accounts, for the administrators' page. */
export async function listStaff(): Promise<StaffAccount[]> {
  const { db } = await getDb();
  return listStaffAccounts(db);
}
