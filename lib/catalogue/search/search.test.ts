import { describe, expect, it } from "vitest";
import { getCatalogue, type Catalogue } from "../catalogue";
import { buildSearchIndex } from "./build-index";
import { matchQuality, search, withinOneEdit } from "./search";

const L = (ar: string, fr: string, en: string) => ({ ar, fr, en });

/** A fixed little corpus, so ranking rules are tested independently of the real content. */
function corpus(): Catalogue {
  const base = {
    version: { number: 1, checkedOn: "2026-01-01" },
    audience: L("الجميع", "Tous", "Everyone"),
    conditions: [],
    steps: [{ text: L("خطوة", "Étape", "Step") }],
    documents: [],
    documentsComplete: true as const,
    fee: { kind: "free" as const },
    delay: { summary: L("فوري", "Immédiat", "Immediate") },
    channels: ["house" as const],
    related: [],
    keywords: { ar: [], fr: [], en: [] },
    categories: ["c"],
  };
  return {
    bodies: [
      { id: "power", shortName: L("الستاغ", "STEG", "STEG"), name: L("الكهرباء", "Électricité", "Electricity"), description: L("و", "d", "d"), contacts: [{ kind: "web", url: "https://example.org" }] },
      { id: "town", shortName: L("البلدية", "Commune", "Town"), name: L("البلدية", "Commune", "Town"), description: L("و", "d", "d"), contacts: [{ kind: "web", url: "https://example.org" }] },
    ],
    categories: [{ id: "c", name: L("فئة", "Catégorie", "Category"), description: L("و", "d", "d") }],
    lifeEvents: [],
    services: [
      { ...base, slug: "pay-power", body: "power", title: L("خلاص فاتورة الكهرباء", "Payer la facture d'électricité", "Pay the electricity bill"), summary: L("ادفع", "Payez", "Pay") },
      { ...base, slug: "power-dispute", body: "power", title: L("الاعتراض على استهلاك كهرباء", "Contester une consommation d'électricité", "Dispute electricity use"), summary: L("فاتورة خاطئة", "Facture erronée", "Wrong bill") },
      { ...base, slug: "birth", body: "town", title: L("مضمون ولادة", "Extrait de naissance", "Birth certificate"), summary: L("شهادة من الحالة المدنية", "Attestation d'état civil", "Civil-status certificate") },
      { ...base, slug: "legalise", body: "town", title: L("التعريف بالإمضاء", "Légalisation de signature", "Signature certification"), summary: L("إمضاء", "Signature", "Signature"), keywords: { ar: ["شهادة"], fr: [], en: [] } },
      { ...base, slug: "water", body: "town", title: L("فاتورة الماء", "Facture d'eau", "Water bill"), summary: L("ادفع", "Payez", "Pay") },
    ],
  };
}

const index = buildSearchIndex(corpus());
const slugs = (q: string) => search(index, q).map((h) => h.slug);

describe("search ranking on a fixed corpus", () => {
  it("ranks a title match above a summary match", () => {
    expect(slugs("فاتورة الكهرباء")).toEqual(["pay-power", "power-dispute"]);
  });

  it("ranks words in the title's order first (phrase bonus)", () => {
    expect(slugs("facture electricite")[0]).toBe("pay-power");
  });

  it("understands Arabic typed without hamza, diacritics or ta marbuta", () => {
    expect(slugs("فاتوره الكهربا")[0]).toBe("pay-power");
    // A keyword (weight 6) outranks a word of the summary (weight 3).
    expect(slugs("شَهادَه")).toEqual(["legalise", "birth"]);
    expect(slugs("امضاء")).toEqual(["legalise"]);
  });

  it("finds a service in any language from any language", () => {
    expect(slugs("birth")).toEqual(["birth"]);
    expect(slugs("naissance")).toEqual(["birth"]);
    expect(slugs("ولادة")).toEqual(["birth"]);
  });

  it("matches prefixes while typing and tolerates one typo in long words", () => {
    expect(slugs("elec")).toContain("pay-power");
    expect(slugs("electricte")).toContain("pay-power");
    expect(slugs("factures")).toContain("water");
  });

  it("requires every word when something matches them all", () => {
    expect(slugs("facture eau")).toEqual(["water"]);
  });

  it("falls back to partial matches rather than nothing", () => {
    expect(slugs("facture martienne")).toEqual(expect.arrayContaining(["pay-power", "water"]));
  });

  it("returns nothing for empty or stop-word-only queries", () => {
    expect(slugs("")).toEqual([]);
    expect(slugs("  de la  ")).toEqual([]);
    expect(slugs("zzzz")).toEqual([]);
  });
});

describe("match quality", () => {
  it("orders exact > stem > prefix > typo", () => {
    const exact = matchQuality("facture", "facture");
    const stemmed = matchQuality("factures", "facture");
    const prefix = matchQuality("fact", "facture");
    const typo = matchQuality("factore", "facture");
    expect(exact).toBeGreaterThan(stemmed);
    expect(stemmed).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });

  it("edit distance one", () => {
    expect(withinOneEdit("abcde", "abcde")).toBe(true);
    expect(withinOneEdit("abcde", "abde")).toBe(true);
    expect(withinOneEdit("abcde", "abxde")).toBe(true);
    expect(withinOneEdit("abcde", "abcdef")).toBe(true);
    expect(withinOneEdit("abcde", "axcdy")).toBe(false);
    expect(withinOneEdit("ab", "abcd")).toBe(false);
  });
});

describe("search on the real catalogue", () => {
  const real = buildSearchIndex(getCatalogue());
  const top = (q: string, n = 3) => search(real, q).slice(0, n).map((h) => h.slug);

  it.each([
    ["فاتورة الكهرباء", "pay-steg-bill"],
    ["facture electricite", "pay-steg-bill"],
    ["electricity bill", "pay-steg-bill"],
    ["فاتورة الماء", "pay-sonede-bill"],
    ["شهاده", "cnss-affiliation-certificate"],
    ["رخصة بناء", "building-permit"],
    ["permis de batir", "building-permit"],
    ["النفاذ الى المعلومه", "access-to-information"],
    ["الستاغ", "pay-steg-bill"],
    ["ضو", "pay-steg-bill"],
    ["vignette", "vehicle-tax"],
    ["D17", "d17-sign-up"],
  ])("«%s» finds %s near the top", (query, slug) => {
    expect(top(query, 5)).toContain(slug);
  });

  it("finds the certificates for «شهاده» typed without hamza or ta marbuta", () => {
    const hits = search(real, "شهاده").map((h) => h.slug);
    expect(hits).toEqual(expect.arrayContaining(["cnss-affiliation-certificate", "cnam-affiliation-certificate", "cnrps-pension-certificate", "tax-status-certificate"]));
  });

  it("keeps the index small enough to download on a phone", () => {
    expect(JSON.stringify(real).length).toBeLessThan(150_000);
  });
});
