import { z } from "zod";
import data from "./categories.json";

/**
 * Complaint categories and service levels per body, as data (categories.json): an administrator
 * changes them without a release. Read once and checked; a wrong file fails the tests and the start.
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

export const COMPLAINT_CATEGORIES = complaintCategoriesSchema.parse(data);

export const complaintBodyIds = Object.keys(COMPLAINT_CATEGORIES.bodies);

export function categoriesOf(bodyId: string): readonly ComplaintCategory[] {
  return COMPLAINT_CATEGORIES.bodies[bodyId]?.categories ?? [];
}

export function findCategory(bodyId: string, categoryId: string): ComplaintCategory | null {
  return categoriesOf(bodyId).find((c) => c.id === categoryId) ?? null;
}

/** The queue a complaint goes to: the category's routeTo, else the body itself. */
export function complaintQueue(bodyId: string, categoryId: string): string {
  return findCategory(bodyId, categoryId)?.routeTo ?? bodyId;
}
