/**
 * Building permits (issue 17; town-planning code, law 94-122 art. 68–69; ../shared/docs/domain.md):
 * the sections of the file, which of them apply (floor area, zone, protected site), each one's
 * status on the task list, what is still missing, and the delay the municipality has once the
 * file is complete. Pure: the task list, the "check before sending", the server's refusal to send
 * an incomplete file and the case's deadline all read these rules.
 */

/** Above this floor area (m²) an energy study is part of the file. */
export const ENERGY_STUDY_ABOVE_M2 = 500;

/** The documents of the file, each one a slot of the uploads (lib/documents/uploads). */
export const PERMIT_DOCUMENTS = [
  "property-certificate",
  "construction-project",
  "income-tax-receipt",
  "property-tax-receipt",
  "survey-plan",
  "site-plan",
  "ground-plan",
  "drawings",
  "energy-study",
  "heritage-opinion",
] as const;
export type PermitDocument = (typeof PERMIT_DOCUMENTS)[number];

export const PERMIT_SECTIONS = ["application", "property", "architect", "taxes", "survey", "plans", "drawings", "energy"] as const;
export type PermitSection = (typeof PERMIT_SECTIONS)[number];

export const WORKS_TYPES = ["new", "extension", "elevation"] as const;

/** The application form's answers, as saved (each may still be missing while the citizen works). */
export type ApplicationAnswers = {
  municipality?: string;
  addressArea?: string;
  address?: string;
  worksType?: (typeof WORKS_TYPES)[number];
  floorArea?: number;
  /** The zone's town plan is being studied (plan d'aménagement en cours d'étude): 60 days. */
  townPlanUnderStudy?: boolean;
  /** The plot is near a protected site or monument: 90 days, and the heritage authority's opinion. */
  protectedSite?: boolean;
};

export type ArchitectAnswers = { name?: string; registration?: string };

export type PermitDraftState = {
  application: ApplicationAnswers;
  architect: ArchitectAnswers;
  /** The slots of the files held (one entry per file). */
  files: readonly { slot: string | null }[];
};

export type SectionStatus = "notStarted" | "inProgress" | "completed" | "cannotStartYet";

/** What a missing item is: a field of a section or a document. */
export type MissingItem = { section: PermitSection; item: string };

const APPLICATION_FIELDS = ["municipality", "addressArea", "address", "worksType", "floorArea", "townPlanUnderStudy", "protectedSite"] as const;

/** The application is answered enough to know which conditional items apply. */
function applicationKnown(a: ApplicationAnswers): boolean {
  return a.floorArea !== undefined && a.protectedSite !== undefined;
}

/** The documents a section holds, given the application's answers (conditional ones only when they apply). */
export function documentsOf(section: PermitSection, a: ApplicationAnswers): PermitDocument[] {
  switch (section) {
    case "application":
      return [];
    case "property":
      return ["property-certificate"];
    case "architect":
      return ["construction-project"];
    case "taxes":
      return ["income-tax-receipt", "property-tax-receipt"];
    case "survey":
      return ["survey-plan"];
    case "plans":
      return ["site-plan", "ground-plan"];
    case "drawings":
      return a.protectedSite ? ["drawings", "heritage-opinion"] : ["drawings"];
    case "energy":
      return energyStudyNeeded(a) ? ["energy-study"] : [];
  }
}

export function energyStudyNeeded(a: ApplicationAnswers): boolean {
  return (a.floorArea ?? 0) > ENERGY_STUDY_ABOVE_M2;
}

/** The sections on the task list: the energy study only once the floor area says it applies (or is still unknown). */
export function applicableSections(a: ApplicationAnswers): PermitSection[] {
  return PERMIT_SECTIONS.filter((s) => s !== "energy" || a.floorArea === undefined || energyStudyNeeded(a));
}

/** What the section still lacks (fields, then documents), in order. */
export function missingIn(section: PermitSection, state: PermitDraftState): MissingItem[] {
  const out: MissingItem[] = [];
  if (section === "application") {
    for (const f of APPLICATION_FIELDS) if (state.application[f] === undefined || state.application[f] === "") out.push({ section, item: f });
    return out;
  }
  if (section === "architect") {
    if (!state.architect.name) out.push({ section, item: "architectName" });
    if (!state.architect.registration) out.push({ section, item: "registration" });
  }
  if (section === "energy" && state.application.floorArea === undefined) return [{ section, item: "floorArea" }];
  for (const d of documentsOf(section, state.application)) if (!state.files.some((f) => f.slot === d)) out.push({ section, item: d });
  return out;
}

export function sectionStatus(section: PermitSection, state: PermitDraftState): SectionStatus {
  // The energy study depends on the floor area: it cannot start before the application says it.
  if (section === "energy" && !applicationKnown(state.application)) return "cannotStartYet";
  const missing = missingIn(section, state);
  if (missing.length === 0) return "completed";
  const docs = documentsOf(section, state.application);
  const started =
    section === "application"
      ? APPLICATION_FIELDS.some((f) => state.application[f] !== undefined && state.application[f] !== "")
      : docs.some((d) => state.files.some((f) => f.slot === d)) || (section === "architect" && Boolean(state.architect.name || state.architect.registration));
  return started ? "inProgress" : "notStarted";
}

/** Everything the file still lacks; empty when it may be sent. */
export function missingItems(state: PermitDraftState): MissingItem[] {
  return applicableSections(state.application).flatMap((s) => missingIn(s, state));
}

export function isComplete(state: PermitDraftState): boolean {
  return missingItems(state).length === 0;
}

/** The documents the complete file holds (the case's list, in the order of the sections). */
export function requiredDocuments(a: ApplicationAnswers): PermitDocument[] {
  return applicableSections(a).flatMap((s) => documentsOf(s, a));
}

/** Files attached to a slot that no longer applies (the floor area went down) are not part of the file. */
export function isDocumentSlot(slot: string | null): slot is PermitDocument {
  return slot !== null && (PERMIT_DOCUMENTS as readonly string[]).includes(slot);
}

/**
 * Calendar days the municipality has once the file is complete: 45, 60 where a town plan is under
 * study, 90 near protected sites (the longest applies when both do).
 */
export function decisionDays(a: Pick<ApplicationAnswers, "townPlanUnderStudy" | "protectedSite">): 45 | 60 | 90 {
  if (a.protectedSite) return 90;
  if (a.townPlanUnderStudy) return 60;
  return 45;
}

/** The section a document belongs to (for the citizen's links when staff ask for one). */
export function sectionOfDocument(d: PermitDocument): PermitSection {
  for (const s of PERMIT_SECTIONS) if (documentsOf(s, { floorArea: ENERGY_STUDY_ABOVE_M2 + 1, protectedSite: true }).includes(d)) return s;
  return "application";
}
