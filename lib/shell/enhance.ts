/**
 * The contract between a client leaf and its lean enhancement (docs/adr/0021): the leaf renders
 * its markup on the server with `data-enhance="<name>"` and its props as JSON in `data-props`;
 * one plain function does the leaf's DOM work from that element, called by the React leaf in an
 * effect (client navigations) and by the lean entry at load (lean pages). One implementation.
 */

/** The props a leaf wrote on its element, or null when they are missing or unreadable. */
export function readProps<T>(el: HTMLElement): T | null {
  try {
    return JSON.parse(el.dataset.props ?? "") as T;
  } catch {
    return null;
  }
}

/** Fills `{name}` placeholders the server left in a label. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}

/** For a lean entry: runs an enhancement on every element of its name once the document is parsed. */
export function enhanceAll(name: string, enhance: (el: HTMLElement) => unknown): void {
  const start = () => {
    for (const el of document.querySelectorAll<HTMLElement>(`[data-enhance="${name}"]`)) enhance(el);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
