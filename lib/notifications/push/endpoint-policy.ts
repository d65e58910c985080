import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Which push endpoints the server will connect to (issue 12, point 2: a signed-in person could
 * register `https://127.0.0.1:4443/…` and have the server call it). Only the hosts of real push
 * services (PUSH_SERVICE_HOSTS), on the default HTTPS port, never an IP literal, and never a name
 * that resolves to a private, loopback or link-local address — checked when the subscription is
 * saved and again on every connection (the agent's lookup), so a name that changes its answer
 * (DNS rebinding) is refused at the moment it matters.
 */
export type PushEndpointPolicy = {
  /** Exact host names, or `*.suffix` for any name under a suffix. */
  hosts: readonly string[];
  /**
   * Tests only (a local HTTPS push service): also accept 127.0.0.1/::1 and IP literals. Not
   * reachable from configuration: only code that builds its own sender can set it.
   */
  allowLoopbackForTests?: boolean;
  /** How names are resolved (tests inject one); default node:dns with a time limit. */
  resolve?: (host: string) => Promise<string[]>;
};

/** The push services of Chrome/Android (FCM), Firefox, Edge (WNS) and Safari. */
export const DEFAULT_PUSH_SERVICE_HOSTS = ["fcm.googleapis.com", "updates.push.services.mozilla.com", "*.notify.windows.com", "web.push.apple.com"] as const;

export type EndpointRefusal = "notHttps" | "port" | "ipLiteral" | "notAPushService" | "privateAddress" | "unresolvable";

const notPublic = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) notPublic.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["100::", 64], ["2001::", 23], ["2001:db8::", 32], ["2002::", 16],
  ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) notPublic.addSubnet(net, bits, "ipv6");

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** A public unicast address (IPv4-mapped IPv6 is judged as the IPv4 it carries). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (family === 0) return false;
  return !notPublic.check(ip, family === 4 ? "ipv4" : "ipv6");
}

function isLoopback(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 4 ? "ipv4" : "ipv6");
}

export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return patterns.some((p) => {
    const pattern = p.trim().toLowerCase();
    if (pattern.startsWith("*.")) return h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1;
    return h === pattern;
  });
}

const RESOLVE_TIMEOUT_MS = 3000;

function defaultResolve(host: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("dns timeout")), RESOLVE_TIMEOUT_MS);
    dnsLookup(host, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });
}

function addressAllowed(address: string, policy: PushEndpointPolicy): boolean {
  return isPublicAddress(address) || (policy.allowLoopbackForTests === true && isLoopback(address));
}

/** Whether the server may send to this endpoint; the reason when not. */
export async function checkPushEndpoint(endpoint: string, policy: PushEndpointPolicy): Promise<{ ok: true } | { ok: false; reason: EndpointRefusal }> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: "notHttps" };
  }
  if (url.protocol !== "https:" || url.username || url.password) return { ok: false, reason: "notHttps" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) {
    if (!(policy.allowLoopbackForTests && isLoopback(host))) return { ok: false, reason: "ipLiteral" };
  } else if (url.port !== "" && !policy.allowLoopbackForTests) {
    return { ok: false, reason: "port" };
  }
  if (!hostAllowed(host, policy.hosts)) return { ok: false, reason: "notAPushService" };
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (policy.resolve ?? defaultResolve)(host);
  } catch {
    return { ok: false, reason: "unresolvable" };
  }
  if (addresses.length === 0) return { ok: false, reason: "unresolvable" };
  if (!addresses.every((a) => addressAllowed(a, policy))) return { ok: false, reason: "privateAddress" };
  return { ok: true };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the HTTPS agent that sends pushes: the same address rule, applied to the very
 * addresses the connection will use.
 */
export function guardedLookup(policy: PushEndpointPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const refused = addresses.find((a) => !addressAllowed(a.address, policy));
      if (refused || addresses.length === 0) {
        const e: NodeJS.ErrnoException = new Error(`push endpoint ${hostname} resolves to a non-public address`);
        e.code = "EPUSHADDRESS";
        return callback(e, "");
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
