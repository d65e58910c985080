import { describe, expect, it } from "vitest";
import { getService } from "@/lib/catalogue/catalogue";
import { service } from "@/lib/catalogue/schema";
import { applyForm, formModel, type FormNode } from "./form-model";
import { lockedFields } from "./kinds";

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
