import { mergeLessonProgressAction, saveLessonScoreAction } from "./actions";
import { parseProgress, readProgress, recordScore, SYNCED_KEY, writeProgress, type Progress } from "./progress";

/**
 * Lesson progress between the device and the account (client side). After sign-in, the first
 * signed-in page merges the device's progress with the account's, both ways, and notes the account
 * in Session Storage (which sign-out clears); while that note is there, each quiz finished is
 * sent to the account as it is answered. Without the note (not signed in) nothing is sent.
 */
export { SYNCED_KEY };

export function syncedAccount(): string | null {
  try {
    return sessionStorage.getItem(SYNCED_KEY);
  } catch {
    return null;
  }
}

/** Once per account and tab: send the device's scores, keep the best of both here. */
export async function mergeWithAccount(userId: string): Promise<void> {
  if (syncedAccount() === userId) return;
  const local = readProgress();
  const result = await mergeLessonProgressAction({ progress: local }).catch(() => null);
  if (!result?.ok) return;
  let merged: Progress = readProgress();
  for (const [slug, p] of Object.entries(parseProgress(JSON.stringify(result.data)))) merged = recordScore(merged, slug, p.right, p.total);
  writeProgress(merged);
  try {
    sessionStorage.setItem(SYNCED_KEY, userId);
  } catch {
    // No Session Storage: the scores are merged once more on the next page, which is harmless.
  }
}

/** A finished quiz, while signed in: its score goes to the account too. */
export function sendScore(slug: string, right: number, total: number): void {
  if (!syncedAccount()) return;
  void saveLessonScoreAction({ slug, right, total }).catch(() => undefined);
}
