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

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  if (pg?.code !== "23505") return false;
  if (!constraint) return true;
  // PGlite does not always fill `constraint`; the message names it.
  return pg.constraint === constraint || String((error as Error)?.message ?? "").includes(constraint) || String(((error as { cause?: Error })?.cause)?.message ?? "").includes(constraint);
}
