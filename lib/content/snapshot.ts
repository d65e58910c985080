/**
 * The published content as the pages read it: the catalogue and the houses, made from the
 * published versions over the data files' order (a document without versions keeps its file).
 * Each document is checked again by its schema: a version the schema refuses is never served.
 */
import { createHash } from "node:crypto";
import { parseCatalogue, seedCatalogue, type Catalogue } from "@/lib/catalogue/catalogue";
import type { LocalizedText } from "@/lib/catalogue/schema";
import { seedHouses } from "@/lib/houses/houses";
import { house as houseSchema, type House } from "@/lib/houses/schema";
import { LESSON_FILES } from "@/lib/learning/lessons";
import { lesson as lessonSchema, type LessonData } from "@/lib/learning/schema";
import { CERTIFICATE_TYPE_FILES, certificateType as certificateTypeSchema, type CertificateType } from "@/lib/cases/kinds/certificate-request/types";
import { COMPLAINT_CATEGORY_DOCUMENTS, complaintCategoriesDocument, type ComplaintCategoriesDocument } from "@/lib/cases/kinds/complaint/categories";
import { REPORT_CATEGORY_DOCUMENT, reportCategoriesDocument, type ReportCategoriesDocument } from "@/lib/cases/kinds/municipal-report/categories";
import { log } from "@/lib/log";
import type { ContentKind } from "./kinds";

export type Snapshot = {
  catalogue: Catalogue;
  houses: House[];
  lessons: LessonData[];
  certificateTypes: CertificateType[];
  /** Each body's complaint categories and service levels, and the municipal report categories. */
  complaintCategories: ComplaintCategoriesDocument[];
  reportCategories: ReportCategoriesDocument;
  /**
   * The names of the case categories once published and not in the published lists any more
   * (complaints by `<body>:<id>`, reports by id), the last name each had: a case filed under a
   * category keeps showing its name after the category is removed. Not part of any page.
   */
  retiredCategoryNames: { complaint: Record<string, LocalizedText>; report: Record<string, LocalizedText> };
};

/** A version no longer published (status "archived"), for the names of removed categories; in the order they were made. */
export type ArchivedVersion = { kind: ContentKind; key: string; data: Record<string, unknown> };

export function buildSnapshot(published: Map<string, Record<string, unknown>>, archived: readonly ArchivedVersion[] = []): Snapshot {
  const seed = seedCatalogue();
  const pick = <T>(kind: ContentKind, key: string, fallback: T): unknown => published.get(`${kind}:${key}`) ?? fallback;
  const tryParse = <T>(make: () => T, fallback: T, what: string): T => {
    try {
      return make();
    } catch (error) {
      // The data file is served instead.
      log.error("content.publishedInvalid", error, { document: what });
      return fallback;
    }
  };
  const services = seed.services.map((s) => tryParse(() => parseCatalogue({ services: [pick("service", s.slug, s)], bodies: [], categories: [], lifeEvents: [] }).services[0]!, s, `service ${s.slug}`));
  const bodies = seed.bodies.map((b) => tryParse(() => parseCatalogue({ services: [], bodies: [pick("body", b.id, b)], categories: [], lifeEvents: [] }).bodies[0]!, b, `body ${b.id}`));
  const categories = seed.categories.map((c) => tryParse(() => parseCatalogue({ services: [], bodies: [], categories: [pick("category", c.id, c)], lifeEvents: [] }).categories[0]!, c, `category ${c.id}`));
  const lifeEvents = seed.lifeEvents.map((e) => tryParse(() => parseCatalogue({ services: [], bodies: [], categories: [], lifeEvents: [pick("life-event", e.slug, e)] }).lifeEvents[0]!, e, `life event ${e.slug}`));
  const houses = seedHouses().map((h) => tryParse(() => houseSchema.parse(pick("house", h.slug, h)), h, `house ${h.slug}`));
  const lessons = LESSON_FILES.map((l) => tryParse(() => lessonSchema.parse(pick("lesson", l.slug, l)), l, `lesson ${l.slug}`));
  const certificateTypes = CERTIFICATE_TYPE_FILES.map((c) => tryParse(() => certificateTypeSchema.parse(pick("certificate-type", c.id, c)), c, `certificate type ${c.id}`));
  const complaintCategories = COMPLAINT_CATEGORY_DOCUMENTS.map((d) => tryParse(() => complaintCategoriesDocument.parse(pick("complaint-categories", d.bodyId, d)), d, `complaint categories ${d.bodyId}`));
  const reportCategories = tryParse(() => reportCategoriesDocument.parse(pick("report-categories", REPORT_CATEGORY_DOCUMENT.bodyId, REPORT_CATEGORY_DOCUMENT)), REPORT_CATEGORY_DOCUMENT, "report categories");
  return {
    catalogue: { services, bodies, categories, lifeEvents },
    houses,
    lessons,
    certificateTypes,
    complaintCategories,
    reportCategories,
    retiredCategoryNames: retiredNames(archived, complaintCategories, reportCategories),
  };
}

function retiredNames(archived: readonly ArchivedVersion[], complaints: ComplaintCategoriesDocument[], reports: ReportCategoriesDocument): Snapshot["retiredCategoryNames"] {
  const complaint: Record<string, LocalizedText> = {};
  const report: Record<string, LocalizedText> = {};
  // An old version is read as it was: only what still has the shape of a category with a name in three languages.
  const items = (list: unknown) => (Array.isArray(list) ? list : []).flatMap((c: unknown) => {
    const item = c as { id?: unknown; name?: unknown } | null;
    return item && typeof item.id === "string" && namedInThree(item.name) ? [{ id: item.id, name: item.name }] : [];
  });
  for (const v of archived) {
    if (v.kind === "complaint-categories") for (const c of items(v.data.complaintCategories)) complaint[`${v.key}:${c.id}`] = c.name;
    if (v.kind === "report-categories") for (const c of items(v.data.reportCategories)) report[c.id] = c.name;
  }
  for (const d of complaints) for (const c of d.complaintCategories) delete complaint[`${d.bodyId}:${c.id}`];
  for (const c of reports.reportCategories) delete report[c.id];
  return { complaint, report };
}

const namedInThree = (v: unknown): v is LocalizedText =>
  !!v && typeof v === "object" && ["ar", "fr", "en"].every((l) => typeof (v as Record<string, unknown>)[l] === "string");

/**
 * What the pages show, in one short hash: two equal fingerprints render the same pages (the
 * offline catalogue's: without the lessons, certificate types and case categories). The removed
 * categories' names are on no page (cases are not prerendered).
 */
export function fingerprint(snapshot: Pick<Snapshot, "catalogue" | "houses"> & Partial<Omit<Snapshot, "catalogue" | "houses">>): string {
  return createHash("sha256").update(JSON.stringify({ ...snapshot, retiredCategoryNames: undefined })).digest("hex").slice(0, 16);
}

/** The data files as documents: version 1 of each (lib/content/store.ts, seedContent). */
export function seedDocuments(): { kind: ContentKind; key: string; data: Record<string, unknown> }[] {
  const c = seedCatalogue();
  const as = (v: object) => structuredClone(v) as Record<string, unknown>;
  return [
    ...c.services.map((s) => ({ kind: "service" as const, key: s.slug, data: as(s) })),
    ...c.bodies.map((b) => ({ kind: "body" as const, key: b.id, data: as(b) })),
    ...c.categories.map((x) => ({ kind: "category" as const, key: x.id, data: as(x) })),
    ...c.lifeEvents.map((e) => ({ kind: "life-event" as const, key: e.slug, data: as(e) })),
    ...seedHouses().map((h) => ({ kind: "house" as const, key: h.slug, data: as(h) })),
    ...LESSON_FILES.map((l) => ({ kind: "lesson" as const, key: l.slug, data: as(l) })),
    ...CERTIFICATE_TYPE_FILES.map((c) => ({ kind: "certificate-type" as const, key: c.id, data: as(c) })),
    ...COMPLAINT_CATEGORY_DOCUMENTS.map((d) => ({ kind: "complaint-categories" as const, key: d.bodyId, data: as(d) })),
    { kind: "report-categories" as const, key: REPORT_CATEGORY_DOCUMENT.bodyId, data: as(REPORT_CATEGORY_DOCUMENT) },
  ];
}

let served: { of: Catalogue; houses: House[]; value: string } | undefined;

/** The fingerprint of what this instance serves now: part of the offline catalogue's version, so a publish makes phones fetch it again. */
export function servedFingerprint(catalogue: Catalogue, houses: House[]): string {
  if (served?.of !== catalogue || served.houses !== houses) served = { of: catalogue, houses, value: fingerprint({ catalogue, houses }) };
  return served.value;
}
