import "server-only";
import { Agent, type AgentOptions } from "node:https";
import webpush from "web-push";
import { env } from "@/lib/env";
import type { PushSender } from "../dispatch";
import { checkPushEndpoint, guardedLookup, type PushEndpointPolicy } from "./endpoint-policy";

const TIMEOUT_MS = 10_000;

/** The policy of a real deployment: PUSH_SERVICE_HOSTS, public addresses only. */
export function configuredPushPolicy(): PushEndpointPolicy {
  return { hosts: env().PUSH_SERVICE_HOSTS };
}

/**
 * Web push through `web-push` (VAPID, aes128gcm payloads), only to endpoints the policy accepts
 * (lib/notifications/push/endpoint-policy.ts), through an agent whose lookup refuses non-public
 * addresses, within 10 s. `tls` lets tests trust a local HTTPS push service's certificate.
 */
export function webPushSender(opts: { publicKey: string; privateKey: string; subject: string; policy?: PushEndpointPolicy; tls?: Pick<AgentOptions, "ca">; ttlSeconds?: number }): PushSender {
  const policy = opts.policy ?? configuredPushPolicy();
  const agent = new Agent({ ...opts.tls, lookup: guardedLookup(policy) as AgentOptions["lookup"], timeout: TIMEOUT_MS, keepAlive: false });
  return async (target, payload) => {
    const allowed = await checkPushEndpoint(target.endpoint, policy);
    // Not a push service: never connect; the subscription is useless, so it goes.
    if (!allowed.ok) return { ok: false, gone: allowed.reason !== "unresolvable", error: `push endpoint refused: ${allowed.reason}` };
    try {
      await webpush.sendNotification(target, payload, {
        vapidDetails: { subject: opts.subject, publicKey: opts.publicKey, privateKey: opts.privateKey },
        TTL: opts.ttlSeconds ?? 24 * 3600,
        contentEncoding: "aes128gcm",
        timeout: TIMEOUT_MS,
        agent,
      });
      return { ok: true };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, gone: status === 404 || status === 410, error: `push ${status ?? "network"}: ${message}`.slice(0, 300) };
    }
  };
}
