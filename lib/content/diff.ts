/**
 * A readable difference between two versions of a document, field by field: each text in the
 * three languages is one row (ar, fr, en side by side), a list item is named by its position.
 * Pure: the version page renders it, the tests check it.
 */
import { contentLocales, type LocalizedText } from "@/lib/catalogue/schema";

export type DiffValue = { localized: Partial<LocalizedText> } | { plain: string };
export type DiffRow = {
  /** The field's path: ["documents", 2, "name"] (list positions from 0). */
  path: (string | number)[];
  change: "added" | "removed" | "changed";
  before?: DiffValue;
  after?: DiffValue;
};

export function isLocalizedText(value: unknown): value is Partial<LocalizedText> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (contentLocales as readonly string[]).includes(k) && typeof (value as Record<string, unknown>)[k] === "string");
}

/** The leaves of a document: texts in three languages, and every other value as its JSON. */
export function leaves(value: unknown, path: (string | number)[] = [], out = new Map<string, { path: (string | number)[]; value: DiffValue }>()) {
  if (isLocalizedText(value)) out.set(JSON.stringify(path), { path, value: { localized: value } });
  else if (Array.isArray(value)) {
    // An empty list has nothing to show: its items, when it had some, show as removed.
    if (value.length === 0) return out;
    // A list of words (keywords, channels) reads best whole, one line.
    if (value.every((v) => typeof v !== "object" || v === null)) out.set(JSON.stringify(path), { path, value: { plain: value.map(String).join(", ") } });
    else value.forEach((v, i) => leaves(v, [...path, i], out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else if (value !== undefined) out.set(JSON.stringify(path), { path, value: { plain: String(value) } });
  return out;
}

function same(a: DiffValue, b: DiffValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What changed from `before` to `after`, in the order of the fields of `after` (removed ones last). */
export function diffVersions(before: unknown, after: unknown): DiffRow[] {
  const a = leaves(before);
  const b = leaves(after);
  const rows: DiffRow[] = [];
  for (const [key, { path, value }] of b) {
    const old = a.get(key);
    if (!old) rows.push({ path, change: "added", after: value });
    else if (!same(old.value, value)) {
      // Only the languages that changed, so a one-word fix reads as one.
      const was = old.value;
      if ("localized" in was && "localized" in value) {
        const changed = contentLocales.filter((l) => was.localized[l] !== value.localized[l]);
        rows.push({ path, change: "changed", before: { localized: pick(was.localized, changed) }, after: { localized: pick(value.localized, changed) } });
      } else rows.push({ path, change: "changed", before: old.value, after: value });
    }
  }
  for (const [key, { path, value }] of a) if (!b.has(key)) rows.push({ path, change: "removed", before: value });
  return rows;
}

function pick(text: Partial<LocalizedText>, langs: readonly string[]): Partial<LocalizedText> {
  return Object.fromEntries(langs.map((l) => [l, text[l as keyof LocalizedText] ?? ""]));
}

/** Texts where a language is empty: the "missing translation" warnings of a draft. */
export function missingTranslations(value: unknown): { path: (string | number)[]; langs: string[] }[] {
  const out: { path: (string | number)[]; langs: string[] }[] = [];
  for (const { path, value: v } of leaves(value).values()) {
    if (!("localized" in v)) continue;
    const langs = contentLocales.filter((l) => !(v.localized[l] ?? "").trim());
    if (langs.length > 0) out.push({ path, langs });
  }
  return out;
}
