import { env } from "@/lib/env";

/**
 * The address a request came from, for per-IP limits. Behind TRUSTED_PROXY_HOPS reverse proxies
 * (default 1), the address the nearest trusted proxy appended to X-Forwarded-For is the client;
 * anything further left was written by the client and could be anything. Without a proxy in
 * front, Next.js passes on whatever X-Forwarded-For the client sent, so per-IP limits are a
 * courtesy there: the per-number limits are what bound an attacker (lib/auth/limits.ts).
 */
export function clientIp(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = chain[Math.max(0, chain.length - Math.max(1, hops))];
  return normalise(picked ?? headers.get("x-real-ip") ?? "unknown");
}

function normalise(ip: string): string {
  // ::ffff:127.0.0.1 and 127.0.0.1 are the same client.
  return ip.replace(/^::ffff:/i, "").toLowerCase();
}
