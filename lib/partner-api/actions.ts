"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { defaultLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { createKeySchema, disableWebhookSchema, registerWebhookSchema, revokeKeySchema } from "./forms";
import { createApiKey, revokeApiKey } from "./keys";
import { disableWebhook, registerWebhook } from "./webhooks";

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

/** An admin registers a body's webhook endpoint: its signing secret is in this answer, shown once. */
export const registerWebhookAction = createFormAction({
  access: ["admin"],
  schema: registerWebhookSchema,
  // registerWebhook writes its audit row in the transaction that registers the endpoint.
  audit: false,
  async run({ input, actor, ip }) {
    const { db } = await getDb();
    const hook = await registerWebhook({ db, actor, bodyId: input.bodyId, url: input.url, now: await now(), ip });
    revalidatePath("/[locale]/staff/admin/webhooks", "page");
    return { id: hook.id, label: hook.url, secret: hook.secret };
  },
});

const disableWebhookAction = createFormAction({
  access: ["admin"],
  schema: disableWebhookSchema,
  audit: false,
  async run({ input, actor, ip }) {
    const { db } = await getDb();
    await disableWebhook({ db, actor, id: input.id, now: await now(), ip });
    return { id: input.id };
  },
});

export async function disableWebhookFromList(form: FormData): Promise<void> {
  const result = await disableWebhookAction(null, form);
  const raw = form.get("locale");
  const locale = typeof raw === "string" && isLocale(raw) ? raw : defaultLocale;
  revalidatePath("/[locale]/staff/admin/webhooks", "page");
  redirect(`${localePath(locale, "/staff/admin/webhooks")}?outcome=${result.ok ? "disabled" : "failed"}`);
}
