import { describe, expect, it } from "vitest";
import { COMPLAINT_CATEGORIES, categoriesOf, complaintQueue, findCategory } from "./categories";
import { MUNICIPAL_CATEGORIES } from "../municipal-report/categories";

describe("complaint categories and service levels (data)", () => {
  it("gives every body categories, each with a service level, and the 'document not listed' category", () => {
    expect(Object.keys(COMPLAINT_CATEGORIES.bodies).sort()).toEqual(
      ["aneti", "cnam", "cnrps", "cnss", "la-poste", "municipality", "service-houses", "sonede", "steg", "tax-offices", "tunisie-telecom"].sort(),
    );
    for (const [body, { categories }] of Object.entries(COMPLAINT_CATEGORIES.bodies)) {
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
    expect(MUNICIPAL_CATEGORIES.categories.map((c) => c.id)).toEqual(["waste", "lighting", "roads", "water-drains", "stray-animals", "noise", "other"]);
    expect(MUNICIPAL_CATEGORIES.bodyId).toBe("municipality");
    expect(MUNICIPAL_CATEGORIES.duplicateRadiusMetres).toBe(100);
  });
});
