/**
 * Municipalities as bodies: each town's municipality is a body `municipality-<slug>` that cases
 * and staff users carry; the catalogue's generic `municipality` stays for services "offered by
 * the municipality" in general. Parsed once from the data file and checked by its schema. Plain
 * module (no server import): the forms' schemas check a chosen municipality on the phone too.
 */
import geography from "@/lib/places/geography.json";
import { distanceKm, type Point } from "@/lib/places/distance";
import type { LocalizedText } from "@/lib/i18n/content";
import file from "./data/municipalities.json";
import { municipalitiesFile, type Municipality } from "./schema";

export type { Municipality } from "./schema";

/** The catalogue's body for "the municipality" in general: a case sent there is not placed yet. */
export const GENERIC_MUNICIPALITY = "municipality";

let cached: Municipality[] | undefined;
function data(): Municipality[] {
  cached ??= municipalitiesFile.parse(file).municipalities;
  return cached;
}

/** Every municipality, in the order of the data (governorate seats first, then towns). */
export function listMunicipalities(): Municipality[] {
  return data();
}

export function getMunicipality(id: string): Municipality | undefined {
  return data().find((m) => m.id === id);
}

/** A specific municipality's body id (not the generic `municipality`). */
export function isMunicipalityBody(bodyId: string | null | undefined): bodyId is string {
  return Boolean(bodyId && bodyId.startsWith("municipality-") && getMunicipality(bodyId));
}

/** A municipality's name in one of the three content languages; null for an unknown id. */
export function municipalityName(id: string, lang: keyof LocalizedText): string | null {
  return getMunicipality(id)?.name[lang] ?? null;
}

export type GovernorateGroup = { governorate: string; name: LocalizedText; municipalities: Municipality[] };

/** Municipalities grouped by governorate, in the governorates' official order (for a select's groups). */
export function municipalitiesByGovernorate(): GovernorateGroup[] {
  return geography.governorates
    .map((g) => ({ governorate: g.id, name: g.name, municipalities: data().filter((m) => m.governorate === g.id) }))
    .filter((g) => g.municipalities.length > 0);
}

export type MunicipalityChoice = { kind: "one"; id: string } | { kind: "ask"; candidates: string[] };

/**
 * A point is placed in a town when the nearest candidate's centre is within this distance and
 * clearly nearer than the next one (by RATIO). Tunisian towns of the same governorate are rarely
 * closer than 15 km (Haïdra–Thala: 18 km); a point between two of them is asked, not guessed.
 */
export const POINT_REACH_KM = 10;
const RATIO = 1.5;

function byPoint(point: Point, candidates: Municipality[]): MunicipalityChoice {
  const sorted = candidates.map((m) => ({ m, km: distanceKm(point, m.centre) })).sort((a, b) => a.km - b.km);
  const [first, second] = sorted;
  if (first && first.km <= POINT_REACH_KM && (!second || second.km >= first.km * RATIO)) return { kind: "one", id: first.m.id };
  // Ask among the nearest few: the citizen knows their town.
  return { kind: "ask", candidates: sorted.slice(0, 5).map((s) => s.m.id) };
}

/**
 * Which municipality receives a case about a place:
 * 1. a delegation (with its governorate: delegation ids repeat across governorates, e.g. Ezzouhour
 *    of Tunis and of Kasserine) that one municipality covers → that one;
 * 2. a delegation covered by several, or by none of the data yet → the GPS point, when there is
 *    one, picks the nearest of those (or of the governorate's municipalities) within reach;
 *    otherwise the citizen is asked among them;
 * 3. no delegation: the point alone, among all municipalities, by the same rule;
 * 4. no place at all: the municipality of the service house the case is filed at (the counter);
 * 5. nothing known → ask among all.
 * "ask" carries the candidates to offer first; the citizen may still pick any municipality.
 */
export function municipalityForPlace(place: { governorateId?: string | null; delegationId?: string | null; point?: Point | null; houseId?: string | null }): MunicipalityChoice {
  const all = data();
  if (place.delegationId) {
    const inGovernorate = place.governorateId ? all.filter((m) => m.governorate === place.governorateId) : all;
    const covering = inGovernorate.filter((m) => m.delegations.includes(place.delegationId!));
    if (covering.length === 1) return { kind: "one", id: covering[0]!.id };
    const candidates = covering.length > 0 ? covering : place.governorateId ? inGovernorate : [];
    if (place.point && candidates.length > 0) return byPoint(place.point, candidates);
    return { kind: "ask", candidates: candidates.map((m) => m.id) };
  }
  if (place.point) return byPoint(place.point, all);
  if (place.houseId) {
    const atHouse = all.filter((m) => m.houses.includes(place.houseId!));
    if (atHouse.length === 1) return { kind: "one", id: atHouse[0]!.id };
  }
  return { kind: "ask", candidates: place.governorateId ? all.filter((m) => m.governorate === place.governorateId).map((m) => m.id) : [] };
}

/** The municipality of a service house (its counter's walk-ins), if the data places it. */
export function municipalityOfHouse(houseId: string | null | undefined): string | null {
  if (!houseId) return null;
  const r = municipalityForPlace({ houseId });
  return r.kind === "one" ? r.id : null;
}
