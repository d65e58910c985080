"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { defaultLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { createKeySchema, revokeKeySchema } from "./forms";
import { createApiKey, revokeApiKey } from "./keys";

/** An admin creates a body's API key: its whole value is in this answer only (shown once). */
export const createApiKeyAction = createFormAction({
  access: ["admin"],
  schema: createKeySchema,
  // createApiKey writes its audit row in the transaction that makes the key.
  audit: false,
  async run({ input, actor, ip }) {
    const { db } = await getDb();
    const { key, secret } = await createApiKey({ db, actor, bodyId: input.bodyId, label: input.label, scopes: input.scopes, perMinute: input.perMinute, now: await now(), ip });
    revalidatePath("/[locale]/staff/admin/api-keys", "page");
    return { id: key.id, label: key.label, secret };
  },
});

const revokeApiKeyAction = createFormAction({
  access: ["admin"],
  schema: revokeKeySchema,
  audit: false,
  async run({ input, actor, ip }) {
    const { db } = await getDb();
    await revokeApiKey({ db, actor, id: input.id, now: await now(), ip });
    return { id: input.id };
  },
});

/** The list's "Revoke" button: a plain form, then the page again with what happened. */
export async function revokeApiKeyFromList(form: FormData): Promise<void> {
  const result = await revokeApiKeyAction(null, form);
  const raw = form.get("locale");
  const locale = typeof raw === "string" && isLocale(raw) ? raw : defaultLocale;
  revalidatePath("/[locale]/staff/admin/api-keys", "page");
  redirect(`${localePath(locale, "/staff/admin/api-keys")}?outcome=${result.ok ? "revoked" : "failed"}`);
}
