/**
 * PLACEHOLDER until lib/municipalities (helper `muni`) is merged: the municipalities a permit can
 * be addressed to. Replaced by listMunicipalities() — must not remain in the final branch.
 */
export const PLACEHOLDER_MUNICIPALITIES = [
  { id: "municipality-ain-draham", name: { ar: "بلدية عين دراهم", fr: "Commune d'Aïn Draham", en: "Ain Draham municipality" } },
  { id: "municipality-haidra", name: { ar: "بلدية حيدرة", fr: "Commune de Haïdra", en: "Haidra municipality" } },
] as const;

export function isPermitMunicipality(id: string): boolean {
  return PLACEHOLDER_MUNICIPALITIES.some((m) => m.id === id);
}
