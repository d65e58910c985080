import "server-only";
import { getDb } from "@/lib/db/client";
import { listApiKeys } from "./keys";
import { deliveryLog, listWebhooks } from "./webhooks";

/** For the admin page (app/ never touches the database). */
export async function listPartnerKeys() {
  const { db } = await getDb();
  return listApiKeys(db);
}

export async function webhooksView() {
  const { db } = await getDb();
  const [hooks, log] = await Promise.all([listWebhooks(db), deliveryLog(db, 50)]);
  return { hooks, log };
}
