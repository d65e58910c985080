import { describe, expect, it } from "vitest";
import { getService } from "@/lib/catalogue/catalogue";
import { service } from "@/lib/catalogue/schema";
import { applyForm, formModel, type FormNode } from "./form-model";
import { seedHouses } from "@/lib/houses/houses";
import { house as houseSchema } from "@/lib/houses/schema";
import { fixedFields, listTemplates, lockedFields, reusedIdFields, usedIds } from "./kinds";
import { COMPLAINT_CATEGORY_DOCUMENTS } from "@/lib/cases/kinds/complaint/categories";

const base = structuredClone(getService("birth-certificate")!) as unknown as Record<string, unknown>;
const locked = lockedFields.service;

function names(nodes: FormNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.type === "group") names(n.children, out);
    else if (n.type === "list") names(n.items, out);
    else if (n.type === "localized") out.push(`${n.name}.ar`, `${n.name}.fr`, `${n.name}.en`);
    else out.push(n.name);
  }
  return out;
}

describe("the editing form of a document", () => {
  it("has a field for every value but the locked ones, named by its path", () => {
    const fields = names(formModel(base, locked));
    expect(fields).toContain("title.ar");
    expect(fields).toContain("documents.0.name.fr");
    expect(fields).toContain("documents.0.count");
    expect(fields).toContain("keywords.fr");
    expect(fields.some((f) => f.startsWith("slug") || f.startsWith("version"))).toBe(false);
  });

  it("sending the form back unchanged gives the same document", () => {
    const sent: Record<string, string> = {};
    const walk = (nodes: FormNode[]) => {
      for (const n of nodes) {
        if (n.type === "group") walk(n.children);
        else if (n.type === "list") walk(n.items);
        else if (n.type === "localized") for (const l of ["ar", "fr", "en"] as const) sent[`${n.name}.${l}`] = n.value[l] ?? "";
        else if (n.type === "words") sent[n.name] = n.value.join("\n");
        else sent[n.name] = String(n.value);
      }
    };
    walk(formModel(base, locked));
    expect(applyForm(base, locked, sent)).toEqual(base);
  });

  it("adds a blank document with a new id, removes a ticked one, and never touches a locked field", () => {
    const added = applyForm(base, locked, { _add: "documents", slug: "other", "version.number": "9" });
    const docs = added.documents as { id: string; name: Record<string, string> }[];
    expect(docs).toHaveLength(2);
    expect(docs[1]!.id).toBe("item-2");
    expect(docs[1]!.name).toEqual({ ar: "", fr: "", en: "" });
    expect(added.slug).toBe("birth-certificate");
    expect(added.version).toEqual(base.version);
    const removed = applyForm(added, locked, { "_remove.documents.0": "true" });
    expect((removed.documents as { id: string }[]).map((d) => d.id)).toEqual(["item-2"]);
  });

  it("a number typed as words is kept as typed, and the schema refuses it on its field", () => {
    const out = applyForm(base, locked, { "documents.0.count": "two" });
    const parsed = service.safeParse(out);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join(".")).toBe("documents.0.count");
    expect((out.documents as { count: unknown }[])[0]!.count).toBe("two");
  });
});

describe("an item added and left partly empty", () => {
  it("keeps the texts written, drops the optional ones left empty; a required one left empty is refused on its field", () => {
    const added = applyForm(base, locked, { _add: "documents" });
    const out = applyForm(added, locked, { "documents.1.name.ar": "وصل", "documents.1.name.fr": "Reçu", "documents.1.name.en": "Receipt", "documents.1.note.ar": "", "documents.1.note.fr": "", "documents.1.note.en": "" });
    const doc = (out.documents as Record<string, unknown>[])[1]!;
    expect(doc.name).toEqual({ ar: "وصل", fr: "Reçu", en: "Receipt" });
    expect("note" in doc).toBe(false);
    expect(service.safeParse(out).success).toBe(true);
    const nameless = applyForm(added, locked, { "documents.1.name.ar": "", "documents.1.name.fr": "", "documents.1.name.en": "" });
    const issue = service.safeParse(nameless).error!.issues[0]!;
    expect([issue.path.join("."), issue.code]).toEqual(["documents.1.name", "invalid_type"]);
  });
});

describe("a list the document does not have yet (a house's closures)", () => {
  const house = structuredClone(seedHouses().find((h) => !h.hours.exceptions)!) as unknown as Record<string, unknown>;
  const templates = listTemplates("house", "2026-12-07");
  const exceptionsNode = (nodes: FormNode[]): FormNode | undefined => {
    for (const n of nodes) {
      if (n.name === "hours.exceptions") return n;
      const inner = n.type === "group" ? exceptionsNode(n.children) : n.type === "list" ? exceptionsNode(n.items) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };

  it("is shown empty, with 'add', only when the kind has a template for it", () => {
    expect(exceptionsNode(formModel(house, lockedFields.house, templates))).toMatchObject({ type: "list", items: [], addable: true });
    expect(exceptionsNode(formModel(house, lockedFields.house))).toBeUndefined();
  });

  it("'add' creates it with a valid first item, which the editor then fills and saves", () => {
    const added = applyForm(house, lockedFields.house, { _add: "hours.exceptions" }, templates);
    const hours = added.hours as { exceptions: unknown[] };
    expect(hours.exceptions).toEqual([{ from: "2026-12-07", to: "2026-12-07", hours: [], note: { ar: "", fr: "", en: "" } }]);
    const saved = applyForm(added, lockedFields.house, { "hours.exceptions.0.to": "2026-12-09", "hours.exceptions.0.hours": "09:00-12:00\n", "hours.exceptions.0.note.ar": "", "hours.exceptions.0.note.fr": "", "hours.exceptions.0.note.en": "" }, templates);
    // An empty note is taken out: the item is a valid exception, and the house still a house.
    expect((saved.hours as { exceptions: unknown[] }).exceptions).toEqual([{ from: "2026-12-07", to: "2026-12-09", hours: ["09:00-12:00"] }]);
    expect(houseSchema.safeParse(saved).success).toBe(true);
    const removed = applyForm(saved, lockedFields.house, { "_remove.hours.exceptions.0": "true" }, templates);
    expect((removed.hours as { exceptions: unknown[] }).exceptions).toEqual([]);
    expect(houseSchema.safeParse(removed).success).toBe(true);
  });
});

describe("category ids once used (complaint and report categories)", () => {
  const steg = structuredClone(COMPLAINT_CATEGORY_DOCUMENTS.find((d) => d.bodyId === "steg")!) as unknown as Record<string, unknown>;
  const kind = "complaint-categories" as const;
  const published = { status: "published", data: steg };
  const withNew = { ...steg, complaintCategories: [...(steg.complaintCategories as object[]), { id: "item-8", name: { ar: "", fr: "", en: "" }, serviceLevelDays: 20 }] };

  it("an id of a published or archived version is shown, not editable; a new item's id is editable until published", () => {
    const used = usedIds(kind, [published, { status: "draft", data: withNew }]);
    expect(used.has("billing")).toBe(true);
    expect(used.has("item-8")).toBe(false);
    const fixed = fixedFields(kind, withNew, used);
    expect(fixed).toContain("complaintCategories.0.id");
    expect(fixed).not.toContain("complaintCategories.7.id");
    const fields = names(formModel(withNew, lockedFields[kind], {}, fixed));
    expect(fields).toContain("complaintCategories.0.id");
    expect(fields).toContain("complaintCategories.0.serviceLevelDays");
    expect(fields).not.toContain("bodyId");
    const model = formModel(withNew, lockedFields[kind], {}, fixed);
    const first = (model[0] as Extract<FormNode, { type: "list" }>).items[0] as Extract<FormNode, { type: "group" }>;
    expect(first.children.find((c) => c.name === "complaintCategories.0.id")?.type).toBe("fixed");
  });

  it("a sent value for a fixed id is ignored; the new item's id, the service level and a removal are applied", () => {
    const used = usedIds(kind, [published]);
    const fixed = fixedFields(kind, withNew, used);
    const out = applyForm(withNew, lockedFields[kind], { "complaintCategories.0.id": "renamed", "complaintCategories.1.serviceLevelDays": "3", "complaintCategories.7.id": "sand", "_remove.complaintCategories.2": "true" }, {}, fixed);
    const list = out.complaintCategories as { id: string; serviceLevelDays: number }[];
    expect(list[0]!.id).toBe("billing");
    expect(list[1]).toMatchObject({ id: "outage", serviceLevelDays: 3 });
    expect(list.map((c) => c.id)).not.toContain("meter");
    expect(list.at(-1)!.id).toBe("sand");
    expect(reusedIdFields(kind, withNew, out, used)).toEqual([]);
  });

  it("a removed category's id given to a new item is refused on that item's id", () => {
    const used = usedIds(kind, [published]);
    const base = { ...steg, complaintCategories: (withNew.complaintCategories as { id: string }[]).filter((c) => c.id !== "meter") };
    const out = applyForm(base, lockedFields[kind], { "complaintCategories.6.id": "meter" }, {}, fixedFields(kind, base, used));
    expect(reusedIdFields(kind, base, out, used)).toEqual(["complaintCategories.6.id"]);
  });
});
