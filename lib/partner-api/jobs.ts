import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { log } from "@/lib/log";
import { runWebhooksOnce, sealWebhookSecrets, webhookSender } from "./webhooks";

/**
 * The partner webhooks' background work (composed in instrumentation.ts), on the notification
 * dispatcher's beat: new routings become deliveries, due deliveries are sent. Public addresses
 * only — a deployment has no way to allow loopback (only tests build such a sender).
 */
export function startPartnerWebhooks(): void {
  const send = webhookSender();
  // Once at start: secrets stored in clear before ADR 0027, or sealed with a retired key, are
  // (re)sealed with the current key. Reading tolerates both meanwhile.
  void getDb()
    .then(({ db }) => sealWebhookSecrets(db))
    .then((r) => {
      if (r.sealed > 0 || r.unreadable > 0) log.info("partnerApi.webhookSecretsSealed", r);
    })
    .catch((error: unknown) => log.error("partnerApi.webhookSecretsSealFailed", { error }));
  every("partner-webhooks", env().NOTIFY_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    await runWebhooksOnce({ db, now: at, send });
  });
}
