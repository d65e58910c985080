/**
 * The bytes a signature covers. JSON key order changes bytes, so objects are written with their
 * keys sorted, recursively, without spaces. Only what survives a JSON round trip exactly is
 * allowed: strings, safe integers (money is integer millimes), booleans, null, arrays, objects.
 */
export type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError("signed documents hold integers only (money in millimes)");
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys
    .filter((k) => value[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`)
    .join(",")}}`;
}
