import { isMunicipalityBody, listMunicipalities } from "@/lib/municipalities/municipalities";

/**
 * The municipalities a permit can be addressed to: every specific municipality body
 * (lib/municipalities) — the citizen chooses the one of the plot; its staff decide.
 */
export function permitMunicipalities() {
  return listMunicipalities();
}

export function isPermitMunicipality(id: string): boolean {
  return isMunicipalityBody(id);
}
