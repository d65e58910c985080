/**
 * What the page can tell before tus-js-client is loaded (./resumable.ts loads it when a file is
 * chosen): which files this person left unfinished on this device, by their names.
 */
/** tus-js-client keeps `tus::<fingerprint>::<n>` entries; ours start with this and the person's id. */
export const FINGERPRINT_PREFIX = "idarti.upload";

/**
 * Files of this person left unfinished on this device (their names, for "choose it again");
 * with `slot`, only those started for that listed document (a scanned submission's field; null:
 * those for no document).
 */
export function unfinishedUploads(userId: string, slot?: string | null): string[] {
  const names: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`tus::${FINGERPRINT_PREFIX}:${userId}:`)) continue;
      const entry = JSON.parse(localStorage.getItem(key) ?? "null") as { metadata?: { filename?: string; slot?: string } } | null;
      if (slot !== undefined && (entry?.metadata?.slot ?? null) !== slot) continue;
      if (entry?.metadata?.filename) names.push(entry.metadata.filename);
    }
  } catch {
    // Storage disabled: nothing was kept.
  }
  return names;
}
