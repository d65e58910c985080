import "server-only";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { developmentSealingKey, sealingKey, type SealingKeys } from "./sealed";

let cached: SealingKeys | undefined;

/**
 * The keys that seal secrets at rest (docs/adr/0027-sealed-secrets.md): SEALING_KEY seals, it and
 * SEALING_RETIRED_KEYS open. Without SEALING_KEY (development, tests, the demo) the key is derived
 * from AUTH_SECRET; lib/env refuses to start production without one.
 */
export function sealingKeys(): SealingKeys {
  if (cached) return cached;
  const e = env();
  const current = e.SEALING_KEY ? sealingKey(Buffer.from(e.SEALING_KEY, "base64url")) : developmentSealingKey(authSecret());
  const retired = (e.SEALING_RETIRED_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => sealingKey(Buffer.from(k, "base64url")));
  cached = { current, retired };
  return cached;
}
