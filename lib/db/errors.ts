/** The PostgreSQL error behind a driver/ORM error (node-postgres and PGlite both give `code`). */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } | null {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: typeof candidate.constraint === "string" ? candidate.constraint : undefined };
    }
    e = candidate.cause;
  }
  return null;
}

/**
 * A unique violation (23505), of the named constraint when one is given. PGlite does not always
 * fill `constraint`; then the constraint's name must stand in the message or detail of the error
 * or of one of its causes. An unnamed violation never counts as the named one: a race on another
 * unique index is not "this bill is in flight".
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (pg?.code !== "23505") return false;
  if (!constraint) return true;
  if (pg.constraint !== undefined) return pg.constraint === constraint;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const text = `${(e as Error).message ?? ""} ${(e as { detail?: string }).detail ?? ""}`;
    if (new RegExp(`\\b${constraint}\\b`).test(text)) return true;
  }
  return false;
}
