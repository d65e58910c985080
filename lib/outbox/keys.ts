import "server-only";
import { randomUUID } from "node:crypto";

/** A fresh idempotency key for a form being rendered (the no-JavaScript path uses it as is). */
export function newIdempotencyKey(): string {
  return randomUUID();
}
