/**
 * Small-count suppression of the open data: a published count of 1 to 4 could point at a person
 * (one rating at one house on one day), so such a cell is withheld (null in JSON, empty in CSV),
 * and so is every figure derived from the same rows (an amount, a share). 0 and 5+ are published.
 */
export const SUPPRESS_BELOW = 5;

export function suppressCount(n: number): number | null {
  return n >= 1 && n < SUPPRESS_BELOW ? null : n;
}

/** A value derived from `basis` rows (a sum of money, a satisfied count): withheld with it. */
export function suppressWith<T>(basis: number, value: T): T | null {
  return suppressCount(basis) === null ? null : value;
}

/** Whether a published number could be a small count (for the property test and a runtime guard). */
export function isSmallCount(value: unknown): boolean {
  return typeof value === "number" && value >= 1 && value < SUPPRESS_BELOW;
}
