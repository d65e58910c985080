import "server-only";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { every } from "@/lib/every";
import { runWebhooksOnce, webhookSender } from "./webhooks";

/**
 * The partner webhooks' background work (composed in instrumentation.ts), on the notification
 * dispatcher's beat: new routings become deliveries, due deliveries are sent. Public addresses
 * only — a deployment has no way to allow loopback (only tests build such a sender).
 */
export function startPartnerWebhooks(): void {
  const send = webhookSender();
  every("partner-webhooks", env().NOTIFY_INTERVAL_SECONDS, async () => {
    const [{ db }, at] = await Promise.all([getDb(), now()]);
    await runWebhooksOnce({ db, now: at, send });
  });
}
