import { describe, expect, it } from "vitest";
import { diffVersions, missingTranslations } from "./diff";

const doc = (names: string[]) => ({
  slug: "x",
  title: { ar: "عنوان", fr: "Titre", en: "Title" },
  channels: ["house"],
  documents: names.map((n, i) => ({ id: `d${i}`, name: { ar: `و${n}`, fr: `F${n}`, en: `E${n}` }, count: 1 })),
});

describe("diffVersions", () => {
  it("shows an added document, field by field, in the three languages", () => {
    const rows = diffVersions(doc(["a"]), doc(["a", "b"]));
    expect(rows).toContainEqual({ path: ["documents", 1, "name"], change: "added", after: { localized: { ar: "وb", fr: "Fb", en: "Eb" } } });
    expect(rows.every((r) => r.path[0] === "documents" && r.path[1] === 1)).toBe(true);
  });

  it("a one-language fix is one row with that language only", () => {
    const after = doc(["a"]);
    after.title.fr = "Titre corrigé";
    expect(diffVersions(doc(["a"]), after)).toEqual([{ path: ["title"], change: "changed", before: { localized: { fr: "Titre" } }, after: { localized: { fr: "Titre corrigé" } } }]);
  });

  it("removed items come last, lists of words read whole, equal versions differ in nothing", () => {
    const after = { ...doc([]), channels: ["house", "online"] };
    const rows = diffVersions(doc(["a"]), after);
    expect(rows[0]).toEqual({ path: ["channels"], change: "changed", before: { plain: "house" }, after: { plain: "house, online" } });
    expect(rows.slice(1).every((r) => r.change === "removed")).toBe(true);
    expect(diffVersions(doc(["a"]), doc(["a"]))).toEqual([]);
  });
});

describe("missingTranslations", () => {
  it("names each text with an empty language", () => {
    const d = doc(["a", "b"]);
    d.documents[1]!.name.en = " ";
    d.title.ar = "";
    expect(missingTranslations(d)).toEqual([
      { path: ["title"], langs: ["ar"] },
      { path: ["documents", 1, "name"], langs: ["en"] },
    ]);
  });
});
