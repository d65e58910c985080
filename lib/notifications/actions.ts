"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createAction } from "@/lib/safe-action";
import { checkPushEndpoint } from "./push/endpoint-policy";
import { configuredPushPolicy } from "./push/web-push";
import { removePushSubscription, savePushSubscription } from "./subscriptions";

/** Called by the push settings page (a subscription exists only with JavaScript). */
const endpoint = z.url().startsWith("https://").max(2000);
const key = z.string().regex(/^[A-Za-z0-9_-]+=*$/).max(200);

export const subscribePush = createAction({
  schema: z.object({ endpoint, keys: z.object({ p256dh: key, auth: key }) }),
  access: "signed-in",
  audit: (input) => ({ action: "push.subscribe", subjectType: "push", subjectId: new URL(input.endpoint).host }),
  run: async ({ input, actor }) => {
    // Only a real push service's endpoint is kept: the server will connect to it (SSRF, issue 12).
    const allowed = await checkPushEndpoint(input.endpoint, configuredPushPolicy());
    if (!allowed.ok) throw new AppError("validation", { fields: { endpoint: "PushEndpoint.errors.notAPushService" }, messageKey: "PushEndpoint.errors.notAPushService" });
    const { db } = await getDb();
    const userAgent = (await headers()).get("user-agent")?.slice(0, 300) ?? null;
    await savePushSubscription({ db, userId: actor.userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent });
    return { ok: true };
  },
});

export const unsubscribePush = createAction({
  schema: z.object({ endpoint }),
  access: "signed-in",
  run: async ({ input, actor }) => {
    const { db } = await getDb();
    await removePushSubscription({ db, userId: actor.userId, endpoint: input.endpoint });
    return { ok: true };
  },
});
