import { describe, expect, it } from "vitest";
import { getService } from "@/lib/catalogue/catalogue";
import { service } from "@/lib/catalogue/schema";
import { applyForm, fieldNames, formModel, removeName, type FormNode, type SentValues } from "./form-model";
import { LESSON_FILES } from "@/lib/learning/lessons";
import { lesson as lessonSchema, type LessonData } from "@/lib/learning/schema";
import { seedHouses } from "@/lib/houses/houses";
import { house as houseSchema } from "@/lib/houses/schema";
import { choiceErrors, choiceFields, fixedFields, listTemplates, lockedFields, reusedIdFields, usedIds } from "./kinds";
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
    const removed = applyForm(added, locked, { [removeName("documents.0")]: "true" });
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
    const removed = applyForm(saved, lockedFields.house, { [removeName("hours.exceptions.0")]: "true" }, templates);
    expect((removed.hours as { exceptions: unknown[] }).exceptions).toEqual([]);
    expect(houseSchema.safeParse(removed).success).toBe(true);
  });
});

/**
 * Lessons: a list of lists (questions, each with its choices). The form kit registers every field
 * with react-hook-form, which keeps values in ONE object by the names' dotted paths: a name that is
 * the parent path of another (`_remove.questions.0` and `_remove.questions.0.choices.1`) makes the
 * first an object, and react-hook-form ticked that box (a truthy value) — saving took the question
 * out (docs/adr/0023).
 */
describe("a lesson's questions and their choices", () => {
  const locked = lockedFields.lesson;
  // A lesson with three questions of 2, 3 and 4 choices (the seed's first lesson, grown).
  const seed = structuredClone(LESSON_FILES.find((l) => l.questions.length >= 2)!);
  const extra = (tag: string) => ({ text: { ar: `خيار ${tag}`, fr: `Choix ${tag}`, en: `Choice ${tag}` }, correct: false, feedback: { ar: `ملاحظة ${tag}`, fr: `Retour ${tag}`, en: `Feedback ${tag}` } });
  const lesson = structuredClone(seed) as LessonData;
  lesson.questions = [structuredClone(seed.questions[0]!), { ...structuredClone(seed.questions[1]!), choices: [...seed.questions[1]!.choices, extra("b3")] }, { prompt: { ar: "سؤال ثالث؟", fr: "Troisième question ?", en: "Third question?" }, choices: [{ ...extra("c1"), correct: true }, extra("c2"), extra("c3"), extra("c4")] }];
  const base = lesson as unknown as Record<string, unknown>;

  /** What the browser sends for the form as rendered: every field with its value, no box ticked. */
  function sentAsIs(nodes: FormNode[], out: SentValues = {}): SentValues {
    for (const n of nodes) {
      if (n.type === "group") sentAsIs(n.children, out);
      else if (n.type === "list") sentAsIs(n.items, out);
      else if (n.type === "localized") for (const l of ["ar", "fr", "en"] as const) out[`${n.name}.${l}`] = n.value[l] ?? "";
      else if (n.type === "words") out[n.name] = n.value.join("\n");
      else out[n.name] = String(n.value);
    }
    return out;
  }

  it("are in the form (questions are no longer locked), and no field name is the parent path of another", () => {
    expect(lessonSchema.safeParse(lesson).success).toBe(true);
    const names = fieldNames(formModel(base, locked));
    expect(names).toContain("questions.2.choices.3.text.fr");
    expect(names).toContain(removeName("questions.1"));
    expect(names).toContain(removeName("questions.1.choices.2"));
    // react-hook-form's rule: a name never a prefix path of another (else one value holds the other).
    const sorted = [...names].sort();
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startsWith(`${sorted[i - 1]}.`), `${sorted[i - 1]} / ${sorted[i]}`).toBe(false);
    expect(new Set(names).size).toBe(names.length);
  });

  it("the same invariant holds for the form of every kind's seed documents", () => {
    const docs: (readonly [readonly string[], Record<string, unknown>])[] = [
      ...LESSON_FILES.map((l) => [lockedFields.lesson, l as unknown as Record<string, unknown>] as const),
      ...seedHouses().map((h) => [lockedFields.house, h as unknown as Record<string, unknown>] as const),
      [lockedFields.service, structuredClone(getService("birth-certificate")!) as unknown as Record<string, unknown>],
    ];
    for (const [lockedHere, doc] of docs) {
      const names = fieldNames(formModel(doc, lockedHere)).sort();
      for (let i = 1; i < names.length; i++) expect(names[i]!.startsWith(`${names[i - 1]}.`), `${names[i - 1]} / ${names[i]}`).toBe(false);
    }
  });

  it("sent back unchanged: nothing lost, nothing moved", () => {
    const out = applyForm(base, locked, sentAsIs(formModel(base, locked)));
    expect(out).toEqual(base);
    expect(lessonSchema.safeParse(out).success).toBe(true);
  });

  it("an edited prompt and an added choice land where they were typed", () => {
    const added = applyForm(base, locked, { ...sentAsIs(formModel(base, locked)), "questions.0.prompt.fr": "Où tape-t-on une adresse ?", _add: "questions.0.choices" }) as unknown as LessonData;
    expect(added.questions.map((q) => q.choices.length)).toEqual([3, 3, 4]);
    expect(added.questions[0]!.prompt.fr).toBe("Où tape-t-on une adresse ?");
    expect(added.questions[0]!.choices[2]!.text).toEqual({ ar: "", fr: "", en: "" });
    // A copy of the last answer, never a second right one: the draft stays valid.
    const afterRight = applyForm(base, locked, { _add: "questions.2.choices" }) as unknown as LessonData;
    expect(lesson.questions[2]!.choices.at(-1)!.correct).toBe(false);
    const rightLast = structuredClone(lesson);
    rightLast.questions[1]!.choices = rightLast.questions[1]!.choices.map((c, i, all) => ({ ...c, correct: i === all.length - 1 }));
    const copied = applyForm(rightLast as unknown as Record<string, unknown>, locked, { _add: "questions.1.choices" }) as unknown as LessonData;
    expect(copied.questions[1]!.choices.at(-1)!.correct).toBe(false);
    expect(afterRight.questions[2]!.choices).toHaveLength(5);
    const filled = applyForm(added as unknown as Record<string, unknown>, locked, { "questions.0.choices.2.text.ar": "ج", "questions.0.choices.2.text.fr": "Dans un e-mail", "questions.0.choices.2.text.en": "In an e-mail", "questions.0.choices.2.feedback.ar": "لا", "questions.0.choices.2.feedback.fr": "Non", "questions.0.choices.2.feedback.en": "No", "questions.0.choices.2.correct": "false" }) as unknown as LessonData;
    expect(filled.questions[0]!.choices[2]).toEqual({ text: { ar: "ج", fr: "Dans un e-mail", en: "In an e-mail" }, correct: false, feedback: { ar: "لا", fr: "Non", en: "No" } });
    expect(filled.questions.slice(1)).toEqual(lesson.questions.slice(1));
    expect(lessonSchema.safeParse(filled).success).toBe(true);
  });

  it("removing one question removes exactly that one; removing a question and a later question's choice removes exactly those", () => {
    const sent = sentAsIs(formModel(base, locked));
    const one = applyForm(base, locked, { ...sent, [removeName("questions.1")]: "true" }) as unknown as LessonData;
    expect(one.questions).toEqual([lesson.questions[0], lesson.questions[2]]);
    const both = applyForm(base, locked, { ...sent, [removeName("questions.0")]: "true", [removeName("questions.2.choices.1")]: "true", [removeName("questions.1.choices.2")]: "true" }) as unknown as LessonData;
    expect(both.questions).toEqual([
      { ...lesson.questions[1]!, choices: lesson.questions[1]!.choices.slice(0, 2) },
      { ...lesson.questions[2]!, choices: [lesson.questions[2]!.choices[0], ...lesson.questions[2]!.choices.slice(2)] },
    ]);
    // A question with one of its own choices ticked too: the question goes, nothing else.
    const nested = applyForm(base, locked, { ...sent, [removeName("questions.1")]: "true", [removeName("questions.1.choices.0")]: "true" }) as unknown as LessonData;
    expect(nested.questions).toEqual([lesson.questions[0], lesson.questions[2]]);
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
    const out = applyForm(withNew, lockedFields[kind], { "complaintCategories.0.id": "renamed", "complaintCategories.1.serviceLevelDays": "3", "complaintCategories.7.id": "sand", [removeName("complaintCategories.2")]: "true" }, {}, fixed);
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

describe("a category sent to another body's queue (routeTo, a choice among the bodies)", () => {
  const steg = structuredClone(COMPLAINT_CATEGORY_DOCUMENTS.find((d) => d.bodyId === "steg")!) as unknown as Record<string, unknown>;
  const kind = "complaint-categories" as const;
  const choices = choiceFields(kind, steg);

  it("is offered on every category, none chosen, among the other bodies (not the document's own)", () => {
    const options = choices["complaintCategories.*.routeTo"]!;
    expect(options).toContain("sonede");
    expect(options).not.toContain("steg");
    const model = formModel(steg, lockedFields[kind], {}, [], choices);
    const first = (model[0] as Extract<FormNode, { type: "list" }>).items[0] as Extract<FormNode, { type: "group" }>;
    expect(first.children.find((c) => c.name === "complaintCategories.0.routeTo")).toMatchObject({ type: "choice", value: "" });
    expect(fieldNames(model)).toContain("complaintCategories.1.routeTo");
  });

  it("a body chosen is written, 'none' takes the field out, and a value not offered is refused on its field", () => {
    const routed = applyForm(steg, lockedFields[kind], { "complaintCategories.0.routeTo": "sonede" }, {}, [], choices);
    expect((routed.complaintCategories as { routeTo?: string }[])[0]!.routeTo).toBe("sonede");
    expect(choiceErrors(kind, routed)).toEqual({});
    const back = applyForm(routed, lockedFields[kind], { "complaintCategories.0.routeTo": "" }, {}, [], choices);
    expect((back.complaintCategories as object[])[0]).not.toHaveProperty("routeTo");
    expect(back).toEqual(steg);
    const forged = applyForm(steg, lockedFields[kind], { "complaintCategories.2.routeTo": "nobody-reads-this" }, {}, [], choices);
    expect(choiceErrors(kind, forged)).toEqual({ "complaintCategories.2.routeTo": "ContentEditing.errors.unknownBody" });
    // A category added after a routed one does not inherit its queue.
    const added = applyForm(routed, lockedFields[kind], { _add: "complaintCategories" }, {}, [], choices);
    const list = added.complaintCategories as { id: string; routeTo?: string }[];
    expect(list.at(-1)).not.toHaveProperty("routeTo");
    expect(list[0]!.routeTo).toBe("sonede");
    const lastRouted = applyForm(steg, lockedFields[kind], { [`complaintCategories.${list.length - 2}.routeTo`]: "cnam" }, {}, [], choices);
    expect((applyForm(lastRouted, lockedFields[kind], { _add: "complaintCategories" }, {}, [], choices).complaintCategories as object[]).at(-1)).not.toHaveProperty("routeTo");
    // To itself is no routing either.
    expect(choiceErrors(kind, applyForm(steg, lockedFields[kind], { "complaintCategories.0.routeTo": "steg" }, {}, [], choices))).toEqual({ "complaintCategories.0.routeTo": "ContentEditing.errors.unknownBody" });
  });
});
