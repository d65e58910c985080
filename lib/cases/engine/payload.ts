import "server-only";
import { AppError, validationError } from "@/lib/errors";
import type { AnyKind } from "../kind";
import { getKind } from "../kinds";

export function requireKind(id: string): AnyKind {
  const kind = getKind(id);
  if (!kind) throw new AppError("validation", { messageKey: "Cases.errors.unknownKind" });
  return kind;
}

/** Validates a payload with the kind's schema; field errors carry message keys. */
export function parsePayload(kind: AnyKind, payload: unknown): Record<string, unknown> {
  const parsed = kind.schema.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data as Record<string, unknown>;
}
