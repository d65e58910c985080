/** `Authorization: Bearer idk_<12 letters>_<43 letters>`: the prefix and the whole key, or null. */
export function parseKey(authorization: string | null): { prefix: string; whole: string } | null {
  const m = /^Bearer\s+(idk_([A-Za-z0-9]{12})_[A-Za-z0-9_-]{43})\s*$/.exec(authorization ?? "");
  return m ? { whole: m[1]!, prefix: m[2]! } : null;
}

/** An opaque page cursor: the sort key of the last item (an instant and an id). */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!iso || !id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : { at, id };
}
