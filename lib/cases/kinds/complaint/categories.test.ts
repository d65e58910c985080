import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  COMPLAINT_CATEGORY_DOCUMENTS,
  COMPLAINT_CATEGORY_FILE,
  categoriesOf,
  categoryName,
  complaintBodyIds,
  complaintCategoriesDocument,
  complaintQueue,
  findCategory,
  setPublishedComplaintCategories,
} from "./categories";
import { complaintSchema } from "./index";
import { DUPLICATE_RADIUS_METRES, REPORT_BODY_ID, REPORT_CATEGORY_DOCUMENT, findMunicipalCategory, municipalCategories, municipalCategoryName, setPublishedReportCategories } from "../municipal-report/categories";
import { municipalReportSchema } from "../municipal-report";

afterEach(() => {
  setPublishedComplaintCategories(undefined);
  setPublishedReportCategories(undefined);
});

/** STEG's categories as published with `change` applied. */
function publishSteg(change: (list: typeof COMPLAINT_CATEGORY_DOCUMENTS[number]["complaintCategories"]) => typeof COMPLAINT_CATEGORY_DOCUMENTS[number]["complaintCategories"]) {
  setPublishedComplaintCategories(COMPLAINT_CATEGORY_DOCUMENTS.map((d) => (d.bodyId === "steg" ? { ...d, complaintCategories: change(d.complaintCategories) } : d)));
}

const complaint = { bodyId: "steg", category: "outage", description: "No electricity on our street since yesterday evening." };
const report = { category: "waste", governorate: "kasserine", delegation: "haidra", location: { mode: "place", place: "Behind the weekly market" }, description: "Bins not collected for a week." };
const sand = { id: "sand", name: { ar: "الرمال", fr: "Ensablement", en: "Sand" }, serviceLevelDays: 4 };

describe("complaint categories and service levels (data)", () => {
  it("gives every body categories, each with a service level, and the 'document not listed' category", () => {
    expect(complaintBodyIds().sort()).toEqual(["aneti", "cnam", "cnrps", "cnss", "la-poste", "municipality", "service-houses", "sonede", "steg", "tax-offices", "tunisie-telecom"].sort());
    for (const body of complaintBodyIds()) {
      const categories = categoriesOf(body);
      expect(new Set(categories.map((c) => c.id)).size, body).toBe(categories.length);
      expect(categories.some((c) => c.id === "document-not-listed"), body).toBe(true);
      expect(categories.at(-1)?.id, body).toBe("other");
    }
  });

  it("STEG: billing, outage, meter, connection delay, reception — an outage is answered within 2 days", () => {
    expect(categoriesOf("steg").map((c) => c.id)).toEqual(["billing", "outage", "meter", "connection-delay", "reception", "document-not-listed", "other"]);
    expect(findCategory("steg", "outage")?.serviceLevelDays).toBe(2);
    expect(findCategory("steg", "nope")).toBeNull();
    expect(categoriesOf("nobody")).toEqual([]);
  });

  it("routes to the body's own queue unless the category says otherwise", () => {
    expect(complaintQueue("steg", "billing")).toBe("steg");
  });

  it("municipal categories: the seven of the programme, routed to the municipality", () => {
    expect(municipalCategories().map((c) => c.id)).toEqual(["waste", "lighting", "roads", "water-drains", "stray-animals", "noise", "other"]);
    expect(REPORT_BODY_ID).toBe("municipality");
    expect(DUPLICATE_RADIUS_METRES).toBe(100);
  });

  it("the seed documents are the file, one per body", () => {
    expect(COMPLAINT_CATEGORY_DOCUMENTS.map((d) => d.bodyId)).toEqual(Object.keys(COMPLAINT_CATEGORY_FILE.bodies));
    for (const d of COMPLAINT_CATEGORY_DOCUMENTS) expect(complaintCategoriesDocument.parse(d)).toEqual(d);
  });
});

describe("the published categories (content store) over the file", () => {
  it("a published service level is what the accessors, and so the deadline, read; routing follows routeTo", () => {
    publishSteg((list) => list.map((c) => (c.id === "outage" ? { ...c, serviceLevelDays: 5, routeTo: "municipality" } : c)));
    expect(findCategory("steg", "outage")?.serviceLevelDays).toBe(5);
    expect(complaintQueue("steg", "outage")).toBe("municipality");
    expect(findCategory("sonede", "outage")?.serviceLevelDays).toBe(2);
    setPublishedComplaintCategories(undefined);
    expect(findCategory("steg", "outage")?.serviceLevelDays).toBe(2);
  });

  it("the server's schema checks the published list: an added category is accepted, a removed one refused on its field", () => {
    expect(complaintSchema.safeParse({ ...complaint, category: "sand" }).success).toBe(false);
    publishSteg((list) => [...list.filter((c) => c.id !== "outage"), sand]);
    expect(complaintSchema.safeParse({ ...complaint, category: "sand" }).success).toBe(true);
    const removed = complaintSchema.safeParse(complaint);
    expect(removed.error?.issues[0]).toMatchObject({ path: ["category"], message: "Complaint.errors.categoryRequired" });

    expect(municipalReportSchema.safeParse({ ...report, category: "sand" }).error?.issues[0]).toMatchObject({ path: ["category"], message: "MunicipalReport.errors.categoryRequired" });
    setPublishedReportCategories({ ...REPORT_CATEGORY_DOCUMENT, reportCategories: [...REPORT_CATEGORY_DOCUMENT.reportCategories.filter((c) => c.id !== "waste"), sand] });
    expect(municipalReportSchema.safeParse({ ...report, category: "sand" }).success).toBe(true);
    expect(municipalReportSchema.safeParse(report).error?.issues[0]).toMatchObject({ path: ["category"], message: "MunicipalReport.errors.categoryRequired" });
    expect(municipalReportSchema.safeParse({ ...report, category: "" }).error?.issues[0]).toMatchObject({ path: ["category"], message: "MunicipalReport.errors.categoryRequired" });
    expect(findMunicipalCategory("sand")?.serviceLevelDays).toBe(4);
  });

  it("on the phone (no published list there) the form's schema asks only that a category be chosen: the server decides", () => {
    vi.stubGlobal("window", {});
    try {
      expect(complaintSchema.safeParse({ ...complaint, category: "added-since-the-build" }).success).toBe(true);
      expect(municipalReportSchema.safeParse({ ...report, category: "added-since-the-build" }).success).toBe(true);
      expect(complaintSchema.safeParse({ ...complaint, category: "" }).success).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(complaintSchema.safeParse({ ...complaint, category: "added-since-the-build" }).success).toBe(false);
  });

  it("a removed category keeps its name on old cases (the file's, else none: the case shows its id)", () => {
    publishSteg((list) => list.filter((c) => c.id !== "outage"));
    expect(findCategory("steg", "outage")).toBeNull();
    expect(categoryName("steg", "outage")?.fr).toBe("Coupure d'électricité ou de gaz");
    expect(categoryName("steg", "never-existed")).toBeNull();
    setPublishedReportCategories({ ...REPORT_CATEGORY_DOCUMENT, reportCategories: [sand] });
    expect(municipalCategoryName("noise")?.fr).toBe("Bruit");
    expect(municipalCategoryName("sand")?.fr).toBe("Ensablement");
  });

  it("property: whatever list is published, a category is accepted exactly when it is on it, at its own service level", () => {
    const id = fc.stringMatching(/^[a-z]{1,6}(-[a-z]{1,4})?$/);
    const list = fc.uniqueArray(fc.record({ id, days: fc.integer({ min: 1, max: 90 }) }), { minLength: 1, maxLength: 8, selector: (c) => c.id });
    fc.assert(
      fc.property(list, id, (cats, asked) => {
        const published = cats.map((c) => ({ id: c.id, name: { ar: c.id, fr: c.id, en: c.id }, serviceLevelDays: c.days }));
        publishSteg(() => published);
        setPublishedReportCategories({ ...REPORT_CATEGORY_DOCUMENT, reportCategories: published });
        const on = cats.find((c) => c.id === asked);
        expect(complaintSchema.safeParse({ ...complaint, category: asked }).success).toBe(Boolean(on));
        expect(municipalReportSchema.safeParse({ ...report, category: asked }).success).toBe(Boolean(on));
        expect(findCategory("steg", asked)?.serviceLevelDays ?? null).toBe(on?.days ?? null);
        expect(findMunicipalCategory(asked)?.serviceLevelDays ?? null).toBe(on?.days ?? null);
      }),
      { numRuns: 200 },
    );
  });

  it("a document with two categories of one id is refused on the second one's id", () => {
    const doc = COMPLAINT_CATEGORY_DOCUMENTS.find((d) => d.bodyId === "steg")!;
    const twice = complaintCategoriesDocument.safeParse({ ...doc, complaintCategories: [...doc.complaintCategories, { ...sand, id: "billing" }] });
    expect(twice.error?.issues[0]).toMatchObject({ path: ["complaintCategories", doc.complaintCategories.length, "id"], message: "ContentEditing.errors.duplicateId" });
  });
});
