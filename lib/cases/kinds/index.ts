import type { AnyKind } from "../kind";
import { certificateRequest } from "./certificate-request";
import { complaint } from "./complaint";
import { documentSubmission } from "./document-submission";
import { infoRequest } from "./info-request";
import { municipalReport } from "./municipal-report";
import { question } from "./question";
import { permit } from "./permit";
import { suggestion } from "./suggestion";

/**
 * Every kind of case the engine knows. A new kind adds one line here; everything that lists,
 * shows, routes or counts cases reads this registry.
 */
const registered: AnyKind[] = [question, complaint, suggestion, municipalReport, infoRequest, certificateRequest, documentSubmission, permit];

const byId = new Map(registered.map((k) => [k.id, k]));

export function getKind(id: string): AnyKind | undefined {
  return byId.get(id);
}

export function listKinds(): readonly AnyKind[] {
  return registered;
}

/** For tests: a kind that exists only in the test process (e.g. one with pauses and extensions). */
export function registerKindForTests(kind: AnyKind): void {
  if (byId.has(kind.id)) return;
  registered.push(kind);
  byId.set(kind.id, kind);
}
