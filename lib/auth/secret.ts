import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

let warned = false;

/**
 * The key that encrypts session tokens and keys the code hashes. `npm start` generates one into
 * ./data; lib/env refuses to start production without one. Only `next dev` and unit tests may run
 * without it, on a fixed development key (announced once).
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production" && !e.DEMO_MODE) throw new Error("AUTH_SECRET is required in production");
  if (!warned) {
    warned = true;
    log.warn("auth.developmentSecret", { hint: "AUTH_SECRET is not set: using a development key. Never do this on a real server." });
  }
  return "idarti-development-key-not-for-production-use";
}
