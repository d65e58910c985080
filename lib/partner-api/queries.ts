import "server-only";
import { getDb } from "@/lib/db/client";
import { listApiKeys } from "./keys";

/** For the admin page (app/ never touches the database). */
export async function listPartnerKeys() {
  const { db } = await getDb();
  return listApiKeys(db);
}
