/**
 * Houses, geography and the calendar as the app reads them: parsed once from the data files
 * and checked by their schemas, with the lookups the finder needs.
 */
import { z } from "zod";
import calendarFile from "./data/calendar.json";
import geographyFile from "@/lib/places/geography.json";
import { houseFiles } from "./data/houses";
import { calendar, geography, house, type Calendar, type Geography, type Governorate, type House } from "./schema";
import { publishedSlot } from "@/lib/published";

type Houses = { houses: House[]; geography: Geography; calendar: Calendar };

export function parseHouses(raw: { houses: unknown[]; geography: unknown; calendar: unknown }): Houses {
  return {
    houses: raw.houses.map((h, i) => {
      const parsed = house.safeParse(h);
      if (!parsed.success) throw new Error(`house file #${i}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    }),
    geography: geography.parse(raw.geography),
    calendar: calendar.parse(raw.calendar),
  };
}

let cached: Houses | undefined;
function seed(): Houses {
  cached ??= parseHouses({ houses: houseFiles, geography: geographyFile, calendar: calendarFile });
  return cached;
}

/** The houses of the repository's data files: what the build renders, and the seed of the database's versions (lib/content). */
export function seedHouses(): House[] {
  return seed().houses;
}

// The published houses of the running server (lib/content, docs/adr/0023); on globalThis since
// Next bundles pages and route handlers separately.
const published = publishedSlot<Houses>("houses", () => seed());

/** Replaces the houses every page reads from now on (undefined: back to the data files). */
export function setPublishedHouses(houses: House[] | undefined): void {
  published.set(houses ? { ...seed(), houses } : undefined);
}

function data(): Houses {
  return published.get();
}

/** Real houses first, then demonstration ones; alphabetical by slug within each. */
export function listHouses(): House[] {
  return [...data().houses].sort((a, b) => Number(a.demo) - Number(b.demo) || a.slug.localeCompare(b.slug));
}

export function getHouse(slug: string): House | undefined {
  return data().houses.find((h) => h.slug === slug);
}

export function listMobileUnits(): House[] {
  return listHouses().filter((h) => h.tour);
}

export function listGovernorates(): Governorate[] {
  return data().geography.governorates;
}

export function getGovernorate(id: string): Governorate | undefined {
  return data().geography.governorates.find((g) => g.id === id);
}

export function getCalendar(): Calendar {
  return data().calendar;
}

/** Houses located in a governorate, or serving one of its delegations, or stopping there on a tour. */
export function housesInGovernorate(governorateId: string): House[] {
  return listHouses().filter(
    (h) => h.governorate === governorateId || h.tour?.some((s) => s.governorate === governorateId),
  );
}

export type DelegationService = { house: House; how: "located" | "serves" | "tour" };

/** Who serves a delegation: a house located there, a house that serves it, a mobile unit's stop. */
export function housesForDelegation(governorateId: string, delegationId: string): DelegationService[] {
  const out: DelegationService[] = [];
  for (const h of listHouses()) {
    if (h.governorate === governorateId && h.delegation === delegationId) out.push({ house: h, how: "located" });
    else if (h.governorate === governorateId && h.servesDelegations.includes(delegationId)) out.push({ house: h, how: "serves" });
    else if (h.tour?.some((s) => s.governorate === governorateId && s.delegation === delegationId)) out.push({ house: h, how: "tour" });
  }
  return out;
}

/** Houses where a service of the catalogue can be done in person (offered now, not only announced). */
export function housesOffering(serviceSlug: string): House[] {
  return listHouses().filter((h) => h.services.includes(serviceSlug));
}

export function housesPlanning(serviceSlug: string): House[] {
  return listHouses().filter((h) => h.plannedServices.includes(serviceSlug));
}
