import { z } from "zod";
import data from "./types.json";
import { publishedSlot } from "@/lib/published";

/**
 * The administrative certificates a citizen can ask for, as data (types.json): which body issues
 * each, who may ask, what the body checks before it approves, what the certificate says, in which
 * languages it exists, how long it takes and how long it is valid. Demo issuers are marked.
 * Read once and checked: a wrong file fails the tests and the start.
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = z.strictObject({ ar: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
export const certificateType = z.strictObject({
  id: slug,
  bodyId: slug,
  demo: z.boolean(),
  name: text,
  /** The sentence the certificate states, in its language. */
  certifies: text,
  whoMayAsk: text,
  bodyChecks: text,
  /** The languages the body issues it in. */
  languages: z.array(z.enum(["ar", "fr"])).min(1),
  /** Calendar days the body has to decide. */
  days: z.number().int().min(1).max(60),
  /** Days the issued certificate is valid. */
  validDays: z.number().int().min(1).max(3650),
});
export type CertificateType = z.infer<typeof certificateType>;

/** The data file's types: what the build renders, and the seed of their versions (lib/content, docs/adr/0023). */
export const CERTIFICATE_TYPE_FILES = z.strictObject({ note: z.string(), types: z.array(certificateType).min(1) }).parse(data).types;

/** Editors change a type, never its id, and add none: the ids are the file's. */
export const certificateTypeIds = CERTIFICATE_TYPE_FILES.map((t) => t.id) as [string, ...string[]];

// The published types of the running server (lib/content): on globalThis since Next bundles pages,
// route handlers and server actions apart.
const published = publishedSlot<CertificateType[]>("certificate-types", () => CERTIFICATE_TYPE_FILES);

/** Replaces the types every page and the engine (deadlines, routing) read from now on (undefined: back to the file). */
export const setPublishedCertificateTypes = published.set;

export function listCertificateTypes(): CertificateType[] {
  return published.get();
}

export function findCertificateType(id: string): CertificateType | null {
  return listCertificateTypes().find((t) => t.id === id) ?? null;
}
