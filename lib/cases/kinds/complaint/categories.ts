import { z } from "zod";
import data from "./categories.json";
import { publishedSlot } from "@/lib/published";

/**
 * Complaint categories and service levels per body. The data file (categories.json) is their seed
 * and what the build and the tests read; the running server reads the published versions of the
 * content store (lib/content, docs/adr/0023: one document per body, edited by that body's
 * editors). Read through the functions below, never kept: a publish changes them.
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = z.strictObject({ ar: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
const category = z.strictObject({
  id: slug,
  name: text,
  /** Calendar days to answer (a service standard, counted as the engine counts days). */
  serviceLevelDays: z.number().int().min(1).max(90),
  /** Another body's queue receives this category (e.g. a body's categories handled by the municipality). */
  routeTo: slug.optional(),
});
export const complaintCategoriesSchema = z.strictObject({
  note: z.string(),
  suggestionDays: z.number().int().min(1).max(90),
  bodies: z.record(slug, z.strictObject({ categories: z.array(category).min(1) })),
});
export type ComplaintCategory = z.infer<typeof category>;
export type LocalizedText = z.infer<typeof text>;

/** Two categories of one list never share an id (cases keep the id): the issue goes on the second one's id. */
export function uniqueIds() {
  return (list: readonly { id: string }[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "ContentEditing.errors.duplicateId" });
      seen.add(c.id);
    });
  };
}

/** One body's complaint categories as a document of the content store (kind "complaint-categories", key: the body). */
export const complaintCategoriesDocument = z.strictObject({
  bodyId: slug,
  complaintCategories: z.array(category).min(1).superRefine(uniqueIds()),
});
export type ComplaintCategoriesDocument = z.infer<typeof complaintCategoriesDocument>;

/**
 * Whether a category is checked against the list: on the server (which has the published list).
 * On the phone the form's schema has only the data file's list, which a newly published category
 * is not in: the server decides there, and its refusal comes back on the field.
 */
export const checksCategoryList = () => typeof window === "undefined";

/** The data file: the seed of the documents, and what is served until the published ones are loaded. */
export const COMPLAINT_CATEGORY_FILE = complaintCategoriesSchema.parse(data);

/** Days to answer a suggestion: one figure for every body, kept in the data file (not edited in the app). */
export const SUGGESTION_DAYS = COMPLAINT_CATEGORY_FILE.suggestionDays;

/** The file's bodies as documents (lib/content/snapshot.ts seeds them). */
export const COMPLAINT_CATEGORY_DOCUMENTS: ComplaintCategoriesDocument[] = Object.entries(COMPLAINT_CATEGORY_FILE.bodies).map(([bodyId, b]) => ({ bodyId, complaintCategories: b.categories }));

// The published categories of the running server: on globalThis since Next bundles pages, route
// handlers and server actions apart (lib/content/live.ts sets them).
const published = publishedSlot<ComplaintCategoriesDocument[]>("complaint-categories", () => COMPLAINT_CATEGORY_DOCUMENTS);

/** Replaces the categories every form, the schema and the engine (deadlines, routing) read from now on (undefined: back to the file). */
export const setPublishedComplaintCategories = published.set;

function documents(): ComplaintCategoriesDocument[] {
  return published.get();
}

/** The bodies a citizen may complain to (the file's: a body is added with the code, not in the editor). */
export function complaintBodyIds(): string[] {
  return documents().map((d) => d.bodyId);
}

export function isComplaintBody(bodyId: string): boolean {
  return documents().some((d) => d.bodyId === bodyId);
}

/** The body's categories as published now. */
export function categoriesOf(bodyId: string): readonly ComplaintCategory[] {
  return documents().find((d) => d.bodyId === bodyId)?.complaintCategories ?? [];
}

/** A category the citizen may choose now (a removed one: null). */
export function findCategory(bodyId: string, categoryId: string): ComplaintCategory | null {
  return categoriesOf(bodyId).find((c) => c.id === categoryId) ?? null;
}

/** The names of categories once published and removed since, by `<body>:<id>` (lib/content/snapshot.ts). */
const retired = publishedSlot<Record<string, LocalizedText>>("complaint-categories.retired", () => ({}));
export const setRetiredComplaintCategoryNames = retired.set;

/**
 * A category's name for a case filed under it, also after it was removed: the published name,
 * else its last published one, else the data file's, else null (the case shows its id).
 */
export function categoryName(bodyId: string, categoryId: string): LocalizedText | null {
  return findCategory(bodyId, categoryId)?.name ?? retired.get()[`${bodyId}:${categoryId}`] ?? COMPLAINT_CATEGORY_FILE.bodies[bodyId]?.categories.find((c) => c.id === categoryId)?.name ?? null;
}

/** The queue a complaint goes to: the category's routeTo, else the body itself. */
export function complaintQueue(bodyId: string, categoryId: string): string {
  return findCategory(bodyId, categoryId)?.routeTo ?? bodyId;
}
