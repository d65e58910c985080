/**
 * Where a kind of content the editor publishes (docs/adr/0023: the catalogue, the houses, the
 * lessons, the certificate types, the case categories) is held for the pages and the engine to
 * read synchronously. The value lives on globalThis under `idarti.<name>.published`: Next loads a
 * module once per route bundle, and every copy must read what was published. Until something is
 * published (at build time, in tests, before the server has loaded its versions) the data files
 * answer.
 */
export function publishedSlot<T>(name: string, files: () => T) {
  const key = Symbol.for(`idarti.${name}.published`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    /** What is served from now on (undefined: back to the data files). */
    set(value: T | undefined): void {
      holder[key] = value;
    },
    get(): T {
      return holder[key] ?? files();
    },
  };
}
