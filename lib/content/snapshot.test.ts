import { afterEach, describe, expect, it } from "vitest";
import { getLesson, LESSON_FILES, setPublishedLessons } from "@/lib/learning/lessons";
import { CERTIFICATE_TYPE_FILES, findCertificateType, listCertificateTypes, setPublishedCertificateTypes } from "@/lib/cases/kinds/certificate-request/types";
import { COMPLAINT_CATEGORY_DOCUMENTS, categoryName, findCategory, setPublishedComplaintCategories, setRetiredComplaintCategoryNames } from "@/lib/cases/kinds/complaint/categories";
import { REPORT_CATEGORY_DOCUMENT, municipalCategories, municipalCategoryName, setPublishedReportCategories, setRetiredReportCategoryNames } from "@/lib/cases/kinds/municipal-report/categories";
import { kindSchemas, ownerBodyOf } from "./kinds";
import { buildSnapshot, fingerprint, seedDocuments } from "./snapshot";

const first = LESSON_FILES[0]!;

describe("lessons in the published content", () => {
  afterEach(() => setPublishedLessons(undefined));

  it("every lesson file is a document of the store, keyed by its slug", () => {
    const lessons = seedDocuments().filter((d) => d.kind === "lesson");
    expect(lessons.map((d) => d.key)).toEqual(LESSON_FILES.map((l) => l.slug));
  });

  it("a published version replaces the file's lesson on its pages; the fingerprint follows", () => {
    const edited = { ...structuredClone(first), title: { ...first.title, fr: "Internet, les premiers pas" } };
    const snapshot = buildSnapshot(new Map([[`lesson:${first.slug}`, edited]]));
    expect(snapshot.lessons[0]!.title.fr).toBe("Internet, les premiers pas");
    expect(fingerprint(snapshot)).not.toBe(fingerprint(buildSnapshot(new Map())));
    setPublishedLessons(snapshot.lessons);
    expect(getLesson(first.slug, "fr-TN")?.title).toBe("Internet, les premiers pas");
    setPublishedLessons(undefined);
    expect(getLesson(first.slug, "fr-TN")?.title).toBe(first.title.fr);
  });

  it("a version the schema refuses is never served: the file's lesson is", () => {
    const broken = { ...structuredClone(first), questions: [] };
    expect(buildSnapshot(new Map([[`lesson:${first.slug}`, broken]])).lessons[0]).toEqual(first);
  });
});

describe("certificate types in the published content", () => {
  afterEach(() => setPublishedCertificateTypes(undefined));
  const type = CERTIFICATE_TYPE_FILES[0]!;

  it("are documents of the store, owned by their issuer", () => {
    const docs = seedDocuments().filter((d) => d.kind === "certificate-type");
    expect(docs.map((d) => d.key)).toEqual(CERTIFICATE_TYPE_FILES.map((c) => c.id));
    expect(ownerBodyOf("certificate-type", docs[0]!.data)).toBe(type.bodyId);
  });

  it("a published version changes what the engine reads (the delay a new request gets)", () => {
    const snapshot = buildSnapshot(new Map([[`certificate-type:${type.id}`, { ...structuredClone(type), days: type.days + 3 }]]));
    setPublishedCertificateTypes(snapshot.certificateTypes);
    expect(findCertificateType(type.id)?.days).toBe(type.days + 3);
    expect(listCertificateTypes().map((c) => c.id)).toEqual(CERTIFICATE_TYPE_FILES.map((c) => c.id));
  });

  it("a refused version (a language the body does not issue in) is never served", () => {
    const snapshot = buildSnapshot(new Map([[`certificate-type:${type.id}`, { ...structuredClone(type), languages: ["en"] }]]));
    expect(snapshot.certificateTypes[0]).toEqual(type);
  });
});

describe("case categories and service levels in the published content", () => {
  afterEach(() => {
    setPublishedComplaintCategories(undefined);
    setPublishedReportCategories(undefined);
    setRetiredComplaintCategoryNames(undefined);
    setRetiredReportCategoryNames(undefined);
  });
  const steg = COMPLAINT_CATEGORY_DOCUMENTS.find((d) => d.bodyId === "steg")!;

  it("each body's complaint categories are one document it owns; the report categories one of the municipality", () => {
    const docs = seedDocuments();
    expect(docs.filter((d) => d.kind === "complaint-categories").map((d) => d.key)).toEqual(COMPLAINT_CATEGORY_DOCUMENTS.map((d) => d.bodyId));
    expect(ownerBodyOf("complaint-categories", steg)).toBe("steg");
    const reports = docs.filter((d) => d.kind === "report-categories");
    expect(reports.map((d) => d.key)).toEqual(["municipality"]);
    expect(ownerBodyOf("report-categories", reports[0]!.data)).toBe("municipality");
    for (const d of docs.filter((x) => x.kind === "complaint-categories" || x.kind === "report-categories")) expect(kindSchemas[d.kind].safeParse(d.data).success, d.key).toBe(true);
  });

  it("a published version is what the forms and the engine read; the pages' fingerprint follows", () => {
    const edited = { ...structuredClone(steg), complaintCategories: steg.complaintCategories.map((c) => (c.id === "billing" ? { ...c, serviceLevelDays: 12 } : c)) };
    const snapshot = buildSnapshot(new Map([[`complaint-categories:steg`, edited]]));
    expect(fingerprint(snapshot)).not.toBe(fingerprint(buildSnapshot(new Map())));
    setPublishedComplaintCategories(snapshot.complaintCategories);
    setPublishedReportCategories(snapshot.reportCategories);
    expect(findCategory("steg", "billing")?.serviceLevelDays).toBe(12);
    expect(findCategory("sonede", "billing")?.serviceLevelDays).toBe(15);
    expect(municipalCategories()).toEqual(REPORT_CATEGORY_DOCUMENT.reportCategories);
  });

  it("a category added, renamed and removed keeps its last published name for the cases filed under it; the pages' fingerprint ignores it", () => {
    const sand = { id: "sand", name: { ar: "رمال في الطريق", fr: "Sable sur la route", en: "Sand on the road" }, serviceLevelDays: 4 };
    const withSand = (name = sand.name) => ({ ...structuredClone(REPORT_CATEGORY_DOCUMENT), reportCategories: [...REPORT_CATEGORY_DOCUMENT.reportCategories, { ...sand, name }] });
    const line = { ...structuredClone(steg), complaintCategories: [...steg.complaintCategories, { id: "line-cut", name: { ar: "قطع الخط", fr: "Ligne coupée", en: "Line cut" }, serviceLevelDays: 5 }] };
    const archived = [
      { kind: "report-categories" as const, key: "municipality", data: withSand({ ...sand.name, fr: "Sable" }) },
      { kind: "report-categories" as const, key: "municipality", data: withSand() },
      { kind: "complaint-categories" as const, key: "steg", data: line },
      // A version of another shape (an older schema) is read for what it has.
      { kind: "report-categories" as const, key: "municipality", data: { reportCategories: [{ id: "odd", name: "no languages" }, null] } },
    ];
    const snapshot = buildSnapshot(new Map(), archived);
    expect(snapshot.retiredCategoryNames.report).toEqual({ sand: sand.name });
    expect(snapshot.retiredCategoryNames.complaint).toEqual({ "steg:line-cut": line.complaintCategories.at(-1)!.name });
    expect(fingerprint(snapshot)).toBe(fingerprint(buildSnapshot(new Map())));
    setRetiredReportCategoryNames(snapshot.retiredCategoryNames.report);
    setRetiredComplaintCategoryNames(snapshot.retiredCategoryNames.complaint);
    expect(municipalCategoryName("sand")).toEqual(sand.name);
    expect(categoryName("steg", "line-cut")?.fr).toBe("Ligne coupée");
    // Another body's category of that id is not this one's; a category published again is read from the list.
    expect(categoryName("sonede", "line-cut")).toBeNull();
    const again = buildSnapshot(new Map([["report-categories:municipality", withSand({ ...sand.name, fr: "Sable revenu" })]]), archived);
    expect(again.retiredCategoryNames.report).toEqual({});
    expect(municipalCategoryName("odd")).toBeNull();
  });

  it("a refused version (no category left, two of one id) is never served: the file's is", () => {
    expect(buildSnapshot(new Map([[`complaint-categories:steg`, { ...steg, complaintCategories: [] }]])).complaintCategories.find((d) => d.bodyId === "steg")).toEqual(steg);
    const twice = { ...REPORT_CATEGORY_DOCUMENT, reportCategories: [...REPORT_CATEGORY_DOCUMENT.reportCategories, REPORT_CATEGORY_DOCUMENT.reportCategories[0]!] };
    expect(buildSnapshot(new Map([[`report-categories:municipality`, twice]])).reportCategories).toEqual(REPORT_CATEGORY_DOCUMENT);
  });
});
