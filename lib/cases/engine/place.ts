import { AppError } from "@/lib/errors";
import { GENERIC_MUNICIPALITY, isMunicipalityBody, municipalityForPlace } from "@/lib/municipalities/municipalities";
import type { AnyKind } from "../kind";

/**
 * The body a new case goes to. Cases routed to "the municipality" (the catalogue's generic body)
 * are placed in one municipality, once, here: the citizen's choice, else the place (delegation,
 * GPS point), else the service house it is filed at (a walk-in at the counter). When the place
 * could be in several towns, the citizen is asked — a field error on the form's municipality
 * select, their answers kept. A kind that cannot ask (no `place`) and is filed away from any
 * house keeps the generic body: an admin places it (staff/admin/municipalities).
 */
export function placeCase(kind: AnyKind, payload: unknown, routed: string, houseId: string | null): string {
  if (routed !== GENERIC_MUNICIPALITY) return routed;
  const place = kind.place?.(payload) ?? {};
  if (place.municipalityId) {
    if (!isMunicipalityBody(place.municipalityId)) throw new AppError("validation", { fields: { municipalityId: "Municipalities.errors.unknown" } });
    return place.municipalityId;
  }
  const found = municipalityForPlace({ governorateId: place.governorateId, delegationId: place.delegationId, point: place.point, houseId });
  if (found.kind === "one") return found.id;
  if (kind.place) {
    const hasPlace = Boolean(place.delegationId || place.point);
    throw new AppError("validation", { fields: { municipalityId: hasPlace ? "Municipalities.errors.ask" : "Municipalities.errors.required" } });
  }
  return GENERIC_MUNICIPALITY;
}
