/**
 * The kinds of content editors change (docs/adr/0023), each with the zod schema its data files
 * are checked by, its key and the body whose editors may change it. Plain module (no database):
 * the pages, the store and the tests share it.
 */
import type { z } from "zod";
import { body, category, lifeEvent, service } from "@/lib/catalogue/schema";
import { house } from "@/lib/houses/schema";
import { lesson } from "@/lib/learning/schema";
import { certificateType } from "@/lib/cases/kinds/certificate-request/types";
import { complaintCategoriesDocument } from "@/lib/cases/kinds/complaint/categories";
import { reportCategoriesDocument } from "@/lib/cases/kinds/municipal-report/categories";
import { listBodies } from "@/lib/catalogue/catalogue";
import type { ChoiceFields } from "./form-model";

export const contentKinds = ["service", "body", "category", "life-event", "house", "lesson", "certificate-type", "complaint-categories", "report-categories"] as const;
export type ContentKind = (typeof contentKinds)[number];

export function isContentKind(value: string): value is ContentKind {
  return (contentKinds as readonly string[]).includes(value);
}

export const kindSchemas: Record<ContentKind, z.ZodType> = {
  service,
  body,
  category,
  "life-event": lifeEvent,
  house,
  lesson,
  "certificate-type": certificateType,
  "complaint-categories": complaintCategoriesDocument,
  "report-categories": reportCategoriesDocument,
};

export type ContentData = Record<string, unknown>;

/** The document's key inside its data (a service's slug, a body's id…). */
export function keyOf(kind: ContentKind, data: ContentData): string {
  const value = kind === "body" || kind === "category" || kind === "certificate-type" ? data.id : kind === "complaint-categories" || kind === "report-categories" ? data.bodyId : data.slug;
  if (typeof value !== "string") throw new Error(`${kind} without a key`);
  return value;
}

/**
 * The body whose officials (with the editor right) may edit this document: a procedure's body,
 * a body's own description. Null: administrators only (topics, life events, houses, lessons).
 */
export function ownerBodyOf(kind: ContentKind, data: ContentData): string | null {
  if (kind === "service" && typeof data.body === "string") return data.body;
  if (kind === "body" && typeof data.id === "string") return data.id;
  // A certificate's issuer: its officials (with the editor right) keep its texts and delays.
  if (kind === "certificate-type" && typeof data.bodyId === "string") return data.bodyId;
  // A body's complaint categories and service levels; the report categories are "the municipality"'s
  // (every town's editors, like its generic procedures).
  if ((kind === "complaint-categories" || kind === "report-categories") && typeof data.bodyId === "string") return data.bodyId;
  return null;
}

/** The settings key of "review before publishing" for documents without a body. */
export const ADMIN_CONTENT = "*";

/** Fields an editor never changes by hand: the key, and the version stamp the store writes. */
export const lockedFields: Record<ContentKind, readonly string[]> = {
  service: ["slug", "version", "documentsComplete", "body"],
  body: ["id"],
  category: ["id"],
  "life-event": ["slug", "version"],
  house: ["slug", "demo"],
  // A lesson's journey is a path of the app: changed with the code that serves it. Its questions
  // (a list of lists) are edited: the remove boxes are named so that none is the parent path of
  // another (form-model.ts removeName — that collision in react-hook-form took questions out).
  lesson: ["slug", "journey"],
  "certificate-type": ["id", "bodyId", "demo"],
  "complaint-categories": ["bodyId"],
  "report-categories": ["bodyId"],
};

/**
 * Lists whose items are named by an id that cases keep (a complaint's category): an id once
 * published may be filed under, so it is never renamed in the editor (the item may be removed;
 * old cases keep showing its name, lib/cases/kinds/complaint/categories.ts categoryName).
 */
export const idLists: Partial<Record<ContentKind, string>> = {
  "complaint-categories": "complaintCategories",
  "report-categories": "reportCategories",
};

function itemIds(kind: ContentKind, data: ContentData): string[] {
  const list = idLists[kind] ? data[idLists[kind]] : undefined;
  return Array.isArray(list) ? list.map((item) => (item as { id?: unknown }).id).filter((id): id is string => typeof id === "string") : [];
}

/** The ids of a document's items that were ever published (so may be on cases). */
export function usedIds(kind: ContentKind, versions: readonly { status: string; data: ContentData }[]): Set<string> {
  return new Set(versions.filter((v) => v.status === "published" || v.status === "archived").flatMap((v) => itemIds(kind, v.data)));
}

/** The fields of a version's form that are shown but not editable: the ids already used ("complaintCategories.0.id"). */
export function fixedFields(kind: ContentKind, data: ContentData, used: ReadonlySet<string>): string[] {
  const list = idLists[kind];
  if (!list || !Array.isArray(data[list])) return [];
  return (data[list] as { id?: unknown }[]).flatMap((item, i) => (typeof item.id === "string" && used.has(item.id) ? [`${list}.${i}.id`] : []));
}

/**
 * The fields of new items given an id that was used before and is not in the version edited
 * (a removed category's id given to another): refused, old cases would take the new name.
 */
export function reusedIdFields(kind: ContentKind, base: ContentData, data: ContentData, used: ReadonlySet<string>): string[] {
  const list = idLists[kind];
  if (!list || !Array.isArray(data[list])) return [];
  const kept = new Set(itemIds(kind, base));
  return (data[list] as { id?: unknown }[]).flatMap((item, i) => (typeof item.id === "string" && used.has(item.id) && !kept.has(item.id) ? [`${list}.${i}.id`] : []));
}

/**
 * Lists the form offers even when a document has none, and the item "add" puts in them
 * (form-model.ts): a house's closures start as "closed today", a valid date the editor changes.
 */
export function listTemplates(kind: ContentKind, today: string): Record<string, Record<string, unknown>> {
  if (kind === "house") return { "hours.exceptions": { from: today, to: today, hours: [], note: { ar: "", fr: "", en: "" } } };
  return {};
}

/**
 * Optional fields chosen from a list (form-model.ts ChoiceFields): a complaint category may be
 * sent to another body's queue (routeTo), one of the catalogue's bodies.
 */
export function choiceFields(kind: ContentKind, data: ContentData): ChoiceFields {
  if (kind === "complaint-categories") return { "complaintCategories.*.routeTo": listBodies().map((b) => b.id).filter((id) => id !== data.bodyId) };
  return {};
}

/**
 * What a schema cannot check, as fields and their messages: a routeTo that is not one of the
 * offered bodies (a queue nobody reads would keep the complaints sent there unanswered).
 */
export function choiceErrors(kind: ContentKind, data: ContentData): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [pattern, options] of Object.entries(choiceFields(kind, data))) {
    const [list, , field] = pattern.split(".");
    const items = data[list!];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      const value = (item as Record<string, unknown> | null)?.[field!];
      if (value !== undefined && !options.includes(value as string)) errors[`${list}.${i}.${field}`] = "ContentEditing.errors.unknownBody";
    });
  }
  return errors;
}

/** The public page of a document (without the locale). */
export function publicPathOf(kind: ContentKind, key: string): string {
  switch (kind) {
    case "service":
      return `/services/${key}`;
    case "body":
      return `/services/bodies/${key}`;
    case "category":
      return `/services/categories/${key}`;
    case "life-event":
      return `/life-events/${key}`;
    case "house":
      return `/houses/${key}`;
    case "lesson":
      return `/learn/${key}`;
    case "certificate-type":
      // Where a citizen chooses it (signed in): its texts, its delay.
      return `/requests/certificate/new?type=${key}`;
    case "complaint-categories":
      // The complaint form's second question, for this body (signed in).
      return `/requests/complaint/new?body=${key}`;
    case "report-categories":
      return "/requests/report/new";
  }
}
