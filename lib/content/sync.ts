/**
 * How every app instance serves the published content (docs/adr/0023). Each instance keeps the
 * published versions in memory (getCatalogue() stays synchronous) with the revision they were
 * read at. A publish bumps the revision in the database; an instance learns of it by reading that
 * one integer (cheap: one row, by primary key) — right after its own publish, and on a timer for
 * the publishes of other instances — then reads the published versions again and revalidates its
 * own prerendered pages (each instance has its own page cache). Pages are revalidated only when
 * what they were rendered from differs from the snapshot: the fingerprint of the content the
 * pages show is kept beside them (a restart does not revalidate for nothing).
 */

export type Loaded<S> = { revision: number; snapshot: S; fingerprint: string };

export type SyncDeps<S> = {
  readRevision(): Promise<number>;
  load(): Promise<Loaded<S>>;
  apply(snapshot: S): void;
  /** Marks this instance's public pages (and the offline catalogue's data) stale. */
  revalidate(): void | Promise<void>;
  /** The fingerprint of the content this instance's prerendered pages show. */
  pages: { get(): string | null; set(fingerprint: string): void };
};

export type SyncResult = { reloaded: boolean; revalidated: boolean; revision: number | null };

export function createContentSync<S>(deps: SyncDeps<S>) {
  let revision: number | null = null;
  let fingerprint: string | null = null;
  let running: Promise<SyncResult> | null = null;

  async function run(force: boolean, mayRevalidate: boolean, revalidate: () => void | Promise<void>): Promise<SyncResult> {
    const current = await deps.readRevision();
    let reloaded = false;
    if (force || revision === null || current !== revision) {
      const loaded = await deps.load();
      deps.apply(loaded.snapshot);
      revision = loaded.revision;
      fingerprint = loaded.fingerprint;
      reloaded = true;
    }
    // Outside a request (the instance's start) pages cannot be revalidated: the next check does it.
    let revalidated = false;
    if (mayRevalidate && fingerprint !== null && deps.pages.get() !== fingerprint) {
      await revalidate();
      deps.pages.set(fingerprint);
      revalidated = true;
    }
    return { reloaded, revalidated, revision };
  }

  return {
    /**
     * Reads the revision; reloads if it moved (or `force`), then revalidates the pages if they
     * show something else than the snapshot. One run at a time: a call made while one runs
     * waits for it, then runs (it may have been asked because of a publish the first one missed).
     * `revalidateWith`: the caller's own revalidation, in place of `deps.revalidate` (in Next it
     * must be code of the bundle the request runs in: this object lives on globalThis, made by
     * whichever bundle came first, instrumentation.ts's).
     */
    check(opts: { force?: boolean; revalidate?: boolean; revalidateWith?: () => void | Promise<void> } = {}): Promise<SyncResult> {
      const previous = running ?? Promise.resolve(null);
      const next = previous.catch(() => null).then(() => run(Boolean(opts.force), opts.revalidate !== false, opts.revalidateWith ?? deps.revalidate));
      running = next;
      void next.catch(() => undefined).finally(() => {
        if (running === next) running = null;
      });
      return next;
    },
    revision: () => revision,
  };
}
