import { z } from "zod";
import data from "./types.json";

/**
 * The administrative certificates a citizen can ask for, as data (types.json): which body issues
 * each, who may ask, what the body checks before it approves, what the certificate says, in which
 * languages it exists, how long it takes and how long it is valid. Demo issuers are marked.
 * Read once and checked: a wrong file fails the tests and the start.
 */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const text = z.strictObject({ ar: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });
const certificateType = z.strictObject({
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

export const CERTIFICATE_TYPES = z.strictObject({ note: z.string(), types: z.array(certificateType).min(1) }).parse(data).types;

export const certificateTypeIds = CERTIFICATE_TYPES.map((t) => t.id) as [string, ...string[]];

export function findCertificateType(id: string): CertificateType | null {
  return CERTIFICATE_TYPES.find((t) => t.id === id) ?? null;
}
