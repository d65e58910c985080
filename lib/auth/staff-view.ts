import "server-only";
import { getDb } from "@/lib/db/client";
import { getStaffAccount, listStaffAccounts, type StaffAccount } from "./accounts";
import type { Actor } from "./roles";

/** The staff and volunteer accounts, for the administrators' page. */
export async function listStaff(): Promise<StaffAccount[]> {
  const { db } = await getDb();
  return listStaffAccounts(db);
}

/** One staff or volunteer account, for its page (administrators only: the page checks, and so does this). */
export async function readStaffAccount(actor: Actor, userId: string): Promise<StaffAccount | null> {
  if (actor.role !== "admin") return null;
  if (!/^[0-9a-f-]{36}$/.test(userId)) return null;
  const { db } = await getDb();
  return getStaffAccount(db, userId);
}
