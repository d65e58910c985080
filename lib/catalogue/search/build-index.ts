/**
 * Builds the search index from the catalogue. Run on the server (the search page) and at build
 * time (the JSON the offline search box downloads); never shipped as code to the browser.
 */
import { createHash } from "node:crypto";
import { getCatalogue, type Catalogue } from "../catalogue";
import { contentLocales, type LocalizedText } from "../schema";
import { tokens } from "./normalise";
import { FIELD_WEIGHTS, type IndexedTerm, type SearchIndex, type SearchIndexEntry } from "./search";

function addTerms(terms: Map<string, number>, text: string, weight: number) {
  for (const token of tokens(text)) {
    if ((terms.get(token) ?? 0) < weight) terms.set(token, weight);
  }
}

function addLocalized(terms: Map<string, number>, text: LocalizedText | undefined, weight: number) {
  if (!text) return;
  for (const l of contentLocales) addTerms(terms, text[l], weight);
}

export function buildSearchIndex(catalogue: Catalogue): SearchIndex {
  const bodies = Object.fromEntries(catalogue.bodies.map((b) => [b.id, b.shortName]));
  const services: SearchIndexEntry[] = catalogue.services.map((service) => {
    const terms = new Map<string, number>();
    addLocalized(terms, service.title, FIELD_WEIGHTS.title);
    for (const l of contentLocales) for (const k of service.keywords[l]) addTerms(terms, k, FIELD_WEIGHTS.keywords);
    const body = catalogue.bodies.find((b) => b.id === service.body);
    addLocalized(terms, body?.shortName, FIELD_WEIGHTS.body);
    addLocalized(terms, body?.name, FIELD_WEIGHTS.body);
    addLocalized(terms, service.summary, FIELD_WEIGHTS.summary);
    for (const id of service.categories) addLocalized(terms, catalogue.categories.find((c) => c.id === id)?.name, FIELD_WEIGHTS.category);
    for (const d of service.documents) addLocalized(terms, d.name, FIELD_WEIGHTS.documents);
    const k: IndexedTerm[] = [...terms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return {
      s: service.slug,
      b: service.body,
      t: service.title,
      u: service.summary,
      k,
      p: contentLocales.map((l) => tokens(service.title[l]).join(" ")),
    };
  });
  const version = createHash("sha256").update(JSON.stringify(services)).digest("hex").slice(0, 12);
  return { version, services, bodies };
}

let cachedIndex: { of: Catalogue; index: SearchIndex } | undefined;

/** The index of the catalogue as published (built again when a publish replaces the catalogue). */
export function getSearchIndex(): SearchIndex {
  const catalogue = getCatalogue();
  if (cachedIndex?.of !== catalogue) cachedIndex = { of: catalogue, index: buildSearchIndex(catalogue) };
  return cachedIndex.index;
}
