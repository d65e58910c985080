import { z } from "zod";
import { uniqueIds } from "../complaint/categories";
import data from "./categories.json";
import { publishedSlot } from "@/lib/published";

/**
 * Municipal problem categories and service levels. The data file (categories.json) is their seed
 * and what the build and the tests read; the running server reads the published version of the
 * content store (lib/content, docs/adr/0023: one document, owned by "the municipality"). The
 * duplicate radius stays in the file (a setting of the duplicate search, not content).
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = z.strictObject({ ar: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
const category = z.strictObject({ id: slug, name: text, serviceLevelDays: z.number().int().min(1).max(90) });
export const municipalCategoriesSchema = z.strictObject({
  note: z.string(),
  bodyId: slug,
  duplicateRadiusMetres: z.number().positive().max(1000),
  categories: z.array(category).min(1),
});
export type MunicipalCategory = z.infer<typeof category>;

/** The categories as a document of the content store (kind "report-categories", key: the body). */
export const reportCategoriesDocument = z.strictObject({
  bodyId: slug,
  reportCategories: z.array(category).min(1).superRefine(uniqueIds()),
});
export type ReportCategoriesDocument = z.infer<typeof reportCategoriesDocument>;

/** The data file: the seed of the document, and what is served until the published one is loaded. */
export const MUNICIPAL_CATEGORY_FILE = municipalCategoriesSchema.parse(data);

/** The body reports go to ("the municipality", placed in its town by lib/municipalities). */
export const REPORT_BODY_ID = MUNICIPAL_CATEGORY_FILE.bodyId;

/** Metres within which a report of the same category is offered as "is it one of these?". */
export const DUPLICATE_RADIUS_METRES = MUNICIPAL_CATEGORY_FILE.duplicateRadiusMetres;

export const REPORT_CATEGORY_DOCUMENT: ReportCategoriesDocument = { bodyId: REPORT_BODY_ID, reportCategories: MUNICIPAL_CATEGORY_FILE.categories };

// The published categories of the running server (lib/content/live.ts): on globalThis since Next
// bundles pages, route handlers and server actions apart.
const published = publishedSlot<ReportCategoriesDocument>("report-categories", () => REPORT_CATEGORY_DOCUMENT);

/** Replaces the categories the form, the schema, the engine and Open311 read from now on (undefined: back to the file). */
export const setPublishedReportCategories = published.set;

/** The categories a citizen may choose now. */
export function municipalCategories(): readonly MunicipalCategory[] {
  return published.get().reportCategories;
}

export function findMunicipalCategory(id: string): MunicipalCategory | null {
  return municipalCategories().find((c) => c.id === id) ?? null;
}

/** The names of categories once published and removed since, by id (lib/content/snapshot.ts). */
const retired = publishedSlot<Record<string, MunicipalCategory["name"]>>("report-categories.retired", () => ({}));
export const setRetiredReportCategoryNames = retired.set;

/**
 * A category's name for a report filed under it, also after it was removed: the published name,
 * else its last published one, else the file's, else null (its id is shown).
 */
export function municipalCategoryName(id: string): MunicipalCategory["name"] | null {
  return findMunicipalCategory(id)?.name ?? retired.get()[id] ?? MUNICIPAL_CATEGORY_FILE.categories.find((c) => c.id === id)?.name ?? null;
}
