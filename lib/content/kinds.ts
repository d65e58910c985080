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

export const contentKinds = ["service", "body", "category", "life-event", "house", "lesson", "certificate-type"] as const;
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
};

export type ContentData = Record<string, unknown>;

/** The document's key inside its data (a service's slug, a body's id…). */
export function keyOf(kind: ContentKind, data: ContentData): string {
  const value = kind === "body" || kind === "category" || kind === "certificate-type" ? data.id : data.slug;
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
};

/**
 * Lists the form offers even when a document has none, and the item "add" puts in them
 * (form-model.ts): a house's closures start as "closed today", a valid date the editor changes.
 */
export function listTemplates(kind: ContentKind, today: string): Record<string, Record<string, unknown>> {
  if (kind === "house") return { "hours.exceptions": { from: today, to: today, hours: [], note: { ar: "", fr: "", en: "" } } };
  return {};
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
  }
}
