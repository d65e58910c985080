// Reference data of the kernel (lib/places: the governorates and delegations of Tunisia).
import geography from "@/lib/places/geography.json";

/**
 * Governorates and their delegations for a report's place, from the houses' geography data
 * (tunisia-kit, corrected): the form shows names, the payload keeps ids, the server checks
 * that the delegation belongs to the governorate.
 */
export type PlaceName = { ar: string; fr: string; en: string };
export type PlaceOption = { id: string; name: PlaceName };
export type GovernorateOption = PlaceOption & { delegations: PlaceOption[] };

export const GOVERNORATES: readonly GovernorateOption[] = geography.governorates.map((g) => ({
  id: g.id,
  name: g.name,
  delegations: g.delegations.map((d) => ({ id: d.id, name: d.name })),
}));

export function findGovernorate(id: string): GovernorateOption | null {
  return GOVERNORATES.find((g) => g.id === id) ?? null;
}

/** The delegations of a governorate (none for an unknown one). */
export function delegationsOf(governorateId: string): PlaceOption[] {
  return findGovernorate(governorateId)?.delegations ?? [];
}

export function isDelegationOf(governorateId: string, delegationId: string): boolean {
  return delegationsOf(governorateId).some((d) => d.id === delegationId);
}

/** The names of a report's place; null when the pair is not in the data. Delegation ids repeat across governorates (Ezzouhour): always give both. */
export function placeNames(governorateId: string, delegationId: string): { governorate: PlaceName; delegation: PlaceName } | null {
  const g = findGovernorate(governorateId);
  const d = g?.delegations.find((x) => x.id === delegationId);
  return g && d ? { governorate: g.name, delegation: d.name } : null;
}
