/**
 * Lesson progress on this device: which lessons' questions were all answered right. Local
 * Storage, one key; synced with the account when signed in (progress-sync.ts). Signing out empties Local Storage except the
 * device's own settings (lib/outbox/client/personal-data.ts): a signed-in person's progress is
 * theirs and leaves with them; an anonymous reader's is not personal, but it goes too when
 * somebody signs out on the device, which is harmless.
 */
export const PROGRESS_KEY = "idarti.learn.progress";

/** Session Storage: the account this tab's progress was merged with (progress-sync.ts). */
export const SYNCED_KEY = "idarti.learn.synced";

/**
 * A score kept where the account cannot be told at once (a lean page has no server actions,
 * docs/adr/0021): forget the merge note, so the next signed-in page merges both ways again.
 */
export function markUnsynced(): void {
  try {
    sessionStorage.removeItem(SYNCED_KEY);
  } catch {
    // No Session Storage: nothing was noted either.
  }
}

export type Progress = Record<string, { right: number; total: number }>;

export function parseProgress(raw: string | null): Progress {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    const out: Progress = {};
    for (const [slug, p] of Object.entries(v as Record<string, unknown>)) {
      const { right, total } = (p ?? {}) as { right?: unknown; total?: unknown };
      if (Number.isInteger(right) && Number.isInteger(total) && (total as number) > 0) out[slug] = { right: right as number, total: total as number };
    }
    return out;
  } catch {
    return {};
  }
}

export function isDone(progress: Progress, slug: string): boolean {
  const p = progress[slug];
  return !!p && p.right === p.total;
}

/** Keeps the best score of a lesson: answering again later never undoes a finished lesson. */
export function recordScore(progress: Progress, slug: string, right: number, total: number): Progress {
  const before = progress[slug];
  if (before && before.total === total && before.right >= right) return progress;
  return { ...progress, [slug]: { right, total } };
}

export function readProgress(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return {};
  }
}

export function writeProgress(progress: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Storage disabled or full: the lesson still works, only the tick is not remembered.
  }
}
