/**
 * The list of pages a citizen builds before it becomes one PDF, as pure operations: the
 * component only renders and announces what these return (and tests cover them here).
 */
export type Moved<T> = { items: T[]; to: number } | null;

/** The item at `from` moved one place towards the start (-1) or the end (+1); null at an edge. */
export function move<T>(items: readonly T[], from: number, by: -1 | 1): Moved<T> {
  const to = from + by;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return null;
  const next = items.slice();
  [next[from], next[to]] = [next[to]!, next[from]!];
  return { items: next, to };
}

/** The list without the item at `at`, and where the focus should go: the item now in its place, else the one before, else nothing. */
export function removeAt<T>(items: readonly T[], at: number): { items: T[]; focus: number | null } {
  if (at < 0 || at >= items.length) return { items: items.slice(), focus: null };
  const next = items.filter((_, i) => i !== at);
  return { items: next, focus: next.length === 0 ? null : Math.min(at, next.length - 1) };
}
