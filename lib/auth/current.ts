import "server-only";
import type { Actor } from "./roles";

/**
 * Reads the current session (cookie → JWT → `sessions` row → user). Implemented with next-auth
 * in the sign-in work; until then nobody is signed in.
 */
export async function readActor(): Promise<Actor | null> {
  return null;
}
