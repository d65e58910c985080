/**
 * The shape of the municipalities' data file (lib/municipalities/data). Municipalities are bodies
 * like the catalogue's, one per town: content the programme edits (a new municipality, a change
 * of contacts) without a release of code. Plain zod, no server import: forms load it on the phone.
 */
import { z } from "zod";
import { localizedText } from "@/lib/i18n/content";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case slug");

/** `municipality-<slug>`, the slug being the French name in kebab-case ASCII. */
export const municipalityId = z.string().regex(/^municipality-[a-z0-9]+(-[a-z0-9]+)*$/, "municipality-<slug>");

export const municipality = z.strictObject({
  id: municipalityId,
  name: localizedText,
  /** A governorate id of lib/places/geography.json. */
  governorate: slug,
  /** The seat of its governorate (the governorate's own town). */
  governorateSeat: z.boolean(),
  /** Delegation ids (of its governorate) whose reports it receives; a delegation may have several. */
  delegations: z.array(slug),
  /** The town centre: a report's GPS point goes to the nearest one (lib/municipalities/routing.ts). */
  centre: z.strictObject({ lat: z.number().min(30).max(37.6), lon: z.number().min(7.4).max(11.7), approximate: z.boolean() }),
  /** Service houses (lib/houses/data) in the town: their counters' walk-ins go here. */
  houses: z.array(slug),
  /** Published contacts; `demo: true` marks invented ones (none is invented today). */
  contacts: z
    .strictObject({ phone: z.string().regex(/^\+216\d{8}$/).optional(), email: z.email().optional(), web: z.url().optional(), demo: z.boolean() })
    .optional(),
});
export type Municipality = z.infer<typeof municipality>;

export const municipalitiesFile = z.strictObject({
  source: z.strictObject({ note: z.string(), demo: z.array(z.string()) }),
  municipalities: z.array(municipality).min(1),
});
