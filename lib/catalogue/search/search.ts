/**
 * Catalogue search over a small prebuilt index. The same function answers the server-rendered
 * search page and the offline search box in the browser, so both give the same results.
 *
 * Every service is indexed in all three languages: a query in French finds a service on the
 * Arabic site and the other way round (people mix languages when they type administration words).
 */
import { stem, tokens } from "./normalise";

/** A term and its weight (the most important field it appears in). */
export type IndexedTerm = [term: string, weight: number];

export type SearchIndexEntry = {
  /** slug */
  s: string;
  /** body id */
  b: string;
  /** title per content language */
  t: { ar: string; fr: string; en: string };
  /** summary per content language */
  u: { ar: string; fr: string; en: string };
  /** terms */
  k: IndexedTerm[];
  /** the titles' token sequences, for the phrase bonus */
  p: string[];
};

export type SearchIndex = {
  version: string;
  services: SearchIndexEntry[];
  bodies: Record<string, { ar: string; fr: string; en: string }>;
};

/** `complete`: every word of the query matched (otherwise a partial fallback result). */
export type SearchHit = { slug: string; score: number; complete: boolean; entry: SearchIndexEntry };

export const FIELD_WEIGHTS = { title: 8, keywords: 6, body: 4, summary: 3, category: 2, documents: 2 } as const;

const EXACT = 1;
const STEM = 0.8;
const PREFIX = 0.7;
const TYPO = 0.45;

/** Edit distance ≤ 1 (one letter added, dropped or changed), without building a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** How well one query word matches one indexed term, from 0 (not at all) to 1 (the same word). */
export function matchQuality(query: string, term: string): number {
  if (query === term) return EXACT;
  const qs = stem(query);
  if (qs.length >= 3 && qs === stem(term)) return STEM;
  // Typing as you go: "كهر" → "كهربا", "elec" → "electricite".
  if (query.length >= 2 && term.startsWith(query)) return PREFIX * Math.min(1, 0.5 + query.length / (2 * term.length));
  if (query.length >= 5 && term.length >= 5 && withinOneEdit(query, term)) return TYPO;
  return 0;
}

function containsSequence(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}

export function search(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const words = [...new Set(tokens(query))];
  if (words.length === 0) return [];
  const phrase = words.join(" ");
  const full: SearchHit[] = [];
  const partial: SearchHit[] = [];
  for (const entry of index.services) {
    let score = 0;
    let matched = 0;
    for (const word of words) {
      let best = 0;
      for (const [term, weight] of entry.k) {
        const q = matchQuality(word, term);
        if (q > 0 && q * weight > best) best = q * weight;
      }
      if (best > 0) matched++;
      score += best;
    }
    if (matched === 0) continue;
    // Words that follow each other in a title as they do in the query ("facture electricite").
    if (words.length > 1 && entry.p.some((title) => containsSequence(title, phrase))) score *= 1.5;
    const complete = matched === words.length;
    const hit = { slug: entry.s, score, complete, entry };
    (complete ? full : partial).push(hit);
  }
  const byScore = (a: SearchHit, b: SearchHit) => b.score - a.score || a.slug.localeCompare(b.slug);
  full.sort(byScore);
  // When nothing matches every word, show what matches some of them rather than nothing.
  const results = full.length > 0 ? full : partial.sort(byScore);
  return results.slice(0, limit);
}

/** The words of a query as the search sees them. */
export function tokensOf(query: string): string[] {
  return [...new Set(tokens(query))];
}
