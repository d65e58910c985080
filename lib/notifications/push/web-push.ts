import "server-only";
import type { Agent } from "node:https";
import webpush from "web-push";
import type { PushSender } from "../dispatch";

/**
 * Web push through `web-push` (VAPID, aes128gcm payloads). `agent` lets tests talk to a local
 * HTTPS push service with a self-signed certificate.
 */
export function webPushSender(opts: { publicKey: string; privateKey: string; subject: string; agent?: Agent; ttlSeconds?: number }): PushSender {
  return async (target, payload) => {
    try {
      await webpush.sendNotification(target, payload, {
        vapidDetails: { subject: opts.subject, publicKey: opts.publicKey, privateKey: opts.privateKey },
        TTL: opts.ttlSeconds ?? 24 * 3600,
        contentEncoding: "aes128gcm",
        timeout: 10_000,
        ...(opts.agent ? { agent: opts.agent } : {}),
      });
      return { ok: true };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, gone: status === 404 || status === 410, error: `push ${status ?? "network"}: ${message}`.slice(0, 300) };
    }
  };
}
