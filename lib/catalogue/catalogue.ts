/**
 * The catalogue as the rest of the app reads it: parsed once from the data files, checked by the
 * schema (a broken file fails the build, not a citizen's page), with lookups by slug.
 */
import { z } from "zod";
import bodiesFile from "./data/bodies.json";
import categoriesFile from "./data/categories.json";
import lifeEventsFile from "./data/life-events.json";
import { serviceFiles } from "./data/services";
import { body, category, lifeEvent, service, type Body, type Category, type LifeEvent, type Service } from "./schema";
import { publishedSlot } from "@/lib/published";

export type Catalogue = {
  services: Service[];
  bodies: Body[];
  categories: Category[];
  lifeEvents: LifeEvent[];
};

export function parseCatalogue(raw: { services: unknown[]; bodies: unknown; categories: unknown; lifeEvents: unknown }): Catalogue {
  return {
    services: raw.services.map((s, i) => {
      const parsed = service.safeParse(s);
      if (!parsed.success) throw new Error(`service file #${i}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    }),
    bodies: z.array(body).parse(raw.bodies),
    categories: z.array(category).parse(raw.categories),
    lifeEvents: z.array(lifeEvent).parse(raw.lifeEvents),
  };
}

let cached: Catalogue | undefined;

/** The catalogue of the repository's data files: what the build renders, and the seed of the database's versions (lib/content). */
export function seedCatalogue(): Catalogue {
  cached ??= parseCatalogue({ services: serviceFiles, bodies: bodiesFile, categories: categoriesFile, lifeEvents: lifeEventsFile });
  return cached;
}

// The published catalogue of the running server (lib/content loads it from the database at
// start and replaces it on publish). On globalThis: Next bundles pages, route handlers and
// instrumentation.ts separately, and each bundle has its own copy of this module.
const published = publishedSlot<Catalogue>("catalogue", () => seedCatalogue());

/** Replaces the catalogue every page reads from now on (undefined: back to the data files). */
export const setPublishedCatalogue = published.set;

/**
 * The catalogue as pages read it, synchronously: the published versions once the server has
 * loaded them (docs/adr/0023), the data files before that, at build time and in tests.
 */
export function getCatalogue(): Catalogue {
  return published.get();
}

export function listServices(): Service[] {
  return getCatalogue().services;
}

export function getService(slug: string): Service | undefined {
  return getCatalogue().services.find((s) => s.slug === slug);
}

export function listBodies(): Body[] {
  return getCatalogue().bodies;
}

export function getBody(id: string): Body | undefined {
  return getCatalogue().bodies.find((b) => b.id === id);
}

export function listCategories(): Category[] {
  return getCatalogue().categories;
}

export function getCategory(id: string): Category | undefined {
  return getCatalogue().categories.find((c) => c.id === id);
}

export function servicesOfBody(bodyId: string): Service[] {
  return getCatalogue().services.filter((s) => s.body === bodyId);
}

export function servicesInCategory(categoryId: string): Service[] {
  return getCatalogue().services.filter((s) => s.categories.includes(categoryId));
}

export function listLifeEvents(): LifeEvent[] {
  return getCatalogue().lifeEvents;
}

export function getLifeEvent(slug: string): LifeEvent | undefined {
  return getCatalogue().lifeEvents.find((e) => e.slug === slug);
}

/** Life events in which a service is a step, so a service page can point to the whole journey. */
export function lifeEventsWithService(slug: string): LifeEvent[] {
  return getCatalogue().lifeEvents.filter((e) => e.steps.some((s) => s.service === slug));
}
