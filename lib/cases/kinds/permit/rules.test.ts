import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PERMIT_DOCUMENTS,
  applicableSections,
  decisionDays,
  isComplete,
  missingItems,
  requiredDocuments,
  sectionStatus,
  type ApplicationAnswers,
  type PermitDraftState,
} from "./rules";

const answered: Required<ApplicationAnswers> = {
  municipality: "municipality-ain-draham",
  addressArea: "Cité Ennour",
  address: "Rue des Pins, lot 12",
  worksType: "new",
  floorArea: 180,
  townPlanUnderStudy: false,
  protectedSite: false,
};
const architect = { name: "Leila Ben Salah", registration: "A-1234" };
const allFiles = (a: ApplicationAnswers) => requiredDocuments(a).map((slot) => ({ slot }));
const full = (a: ApplicationAnswers = answered): PermitDraftState => ({ application: a, architect, files: allFiles(a) });

describe("permit file: sections and statuses", () => {
  it("an empty file: nothing started, the energy study cannot start before the floor area is known", () => {
    const s: PermitDraftState = { application: {}, architect: {}, files: [] };
    expect(sectionStatus("application", s)).toBe("notStarted");
    expect(sectionStatus("property", s)).toBe("notStarted");
    expect(sectionStatus("energy", s)).toBe("cannotStartYet");
    expect(applicableSections({})).toContain("energy");
    expect(isComplete(s)).toBe(false);
  });

  it("a section half done is in progress, done is completed", () => {
    const s: PermitDraftState = { application: { addressArea: "Cité Ennour" }, architect: { registration: "1234" }, files: [{ slot: "income-tax-receipt" }] };
    expect(sectionStatus("application", s)).toBe("inProgress");
    expect(sectionStatus("architect", s)).toBe("inProgress");
    expect(sectionStatus("taxes", s)).toBe("inProgress");
    expect(sectionStatus("survey", s)).toBe("notStarted");
    expect(sectionStatus("application", full())).toBe("completed");
  });

  it("a complete file of 180 m² needs no energy study; above 500 m² it does", () => {
    expect(isComplete(full())).toBe(true);
    expect(applicableSections(answered)).not.toContain("energy");
    const big = { ...answered, floorArea: 501 };
    expect(requiredDocuments(big)).toContain("energy-study");
    const withoutStudy = { application: big, architect, files: allFiles(answered) };
    expect(missingItems(withoutStudy)).toEqual([{ section: "energy", item: "energy-study" }]);
    expect(requiredDocuments({ ...answered, floorArea: 500 })).not.toContain("energy-study");
  });

  it("near a protected site the heritage authority's opinion is part of the file", () => {
    const a = { ...answered, protectedSite: true };
    expect(missingItems({ application: a, architect, files: allFiles(answered) })).toEqual([{ section: "drawings", item: "heritage-opinion" }]);
  });

  it("says exactly what is missing: each field and each document, by its section", () => {
    const s: PermitDraftState = { application: { ...answered, address: undefined }, architect: { name: "X Y Z" }, files: allFiles(answered).filter((f) => f.slot !== "survey-plan") };
    expect(missingItems(s)).toEqual([
      { section: "application", item: "address" },
      { section: "architect", item: "registration" },
      { section: "survey", item: "survey-plan" },
    ]);
  });
});

describe("permit file: properties", () => {
  const application = fc.record(
    {
      municipality: fc.constant("municipality-haidra"),
      addressArea: fc.constant("Centre"),
      address: fc.constant("Avenue Habib Bourguiba"),
      worksType: fc.constantFrom("new" as const, "extension" as const, "elevation" as const),
      floorArea: fc.integer({ min: 1, max: 5000 }),
      townPlanUnderStudy: fc.boolean(),
      protectedSite: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const files = fc.subarray([...PERMIT_DOCUMENTS]).map((slots) => slots.map((slot) => ({ slot })));
  const arch = fc.record({ name: fc.constant("Leila Ben Salah"), registration: fc.constant("A-1234") }, { requiredKeys: [] });

  it("complete exactly when nothing is missing, and then every applicable section is completed", () => {
    fc.assert(
      fc.property(application, arch, files, (a, ar, f) => {
        const s = { application: a, architect: ar, files: f };
        const complete = isComplete(s);
        expect(complete).toBe(missingItems(s).length === 0);
        const statuses = applicableSections(a).map((sec) => sectionStatus(sec, s));
        expect(complete).toBe(statuses.every((x) => x === "completed"));
      }),
    );
  });

  it("adding a file never adds a missing item; every required document held and every field answered is complete", () => {
    fc.assert(
      fc.property(application, arch, files, fc.constantFrom(...PERMIT_DOCUMENTS), (a, ar, f, extra) => {
        const before = missingItems({ application: a, architect: ar, files: f }).length;
        const after = missingItems({ application: a, architect: ar, files: [...f, { slot: extra }] }).length;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
    fc.assert(
      fc.property(application, (a) => {
        const answeredA = { ...answered, ...a };
        expect(isComplete({ application: answeredA, architect, files: allFiles(answeredA) })).toBe(true);
      }),
    );
  });

  it("the delay: 90 near protected sites, else 60 where a town plan is under study, else 45", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (townPlanUnderStudy, protectedSite) => {
        const d = decisionDays({ townPlanUnderStudy, protectedSite });
        expect(d).toBe(protectedSite ? 90 : townPlanUnderStudy ? 60 : 45);
      }),
    );
  });
});
