import { z } from "zod";
import data from "./categories.json";

/** Municipal problem categories, service levels and the duplicate radius, as data. */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = z.strictObject({ ar: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
export const municipalCategoriesSchema = z.strictObject({
  note: z.string(),
  bodyId: slug,
  duplicateRadiusMetres: z.number().positive().max(1000),
  categories: z.array(z.strictObject({ id: slug, name: text, serviceLevelDays: z.number().int().min(1).max(90) })).min(1),
});

export const MUNICIPAL_CATEGORIES = municipalCategoriesSchema.parse(data);
export type MunicipalCategory = (typeof MUNICIPAL_CATEGORIES.categories)[number];

export function findMunicipalCategory(id: string): MunicipalCategory | null {
  return MUNICIPAL_CATEGORIES.categories.find((c) => c.id === id) ?? null;
}
