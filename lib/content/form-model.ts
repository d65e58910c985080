/**
 * The editing form of any document, made from its data: each text in three languages is one row
 * of three fields (ar, fr, en side by side), a list of words is one field (a word a line), a list
 * of items is one group per item, each with "remove" and the list with "add". Field names are the
 * data's paths ("documents.2.name.fr"), which are also the paths of the zod schema's issues: a
 * refused value is shown on its own field. Pure: the page renders the model, the action applies
 * what the form sent back onto the version it was made from.
 */
import { contentLocales, type LocalizedText } from "@/lib/catalogue/schema";
import { isLocalizedText } from "./diff";

type Path = (string | number)[];
export type FormNode =
  | { type: "localized"; name: string; path: Path; value: Partial<LocalizedText>; long: boolean }
  | { type: "text"; name: string; path: Path; value: string; long: boolean }
  | { type: "number"; name: string; path: Path; value: number }
  | { type: "boolean"; name: string; path: Path; value: boolean }
  | { type: "words"; name: string; path: Path; value: string[] }
  | { type: "group"; name: string; path: Path; children: FormNode[]; removable: boolean }
  | { type: "list"; name: string; path: Path; items: FormNode[]; addable: boolean }
  /** Shown, never sent back: a value fixed inside a list item (a category's id once used, lib/content/kinds.ts fixedFields). */
  | { type: "fixed"; name: string; path: Path; value: string }
  /** One of a few values, or none ("" takes the field out): a category sent to another body's queue (lib/content/kinds.ts choiceFields). */
  | { type: "choice"; name: string; path: Path; value: string; options: readonly string[] };

/**
 * Optional fields whose value is one of a list, shown even when the document has none, by the
 * pattern of their name with `*` for a list's position ("complaintCategories.*.routeTo").
 */
export type ChoiceFields = Record<string, readonly string[]>;

type Context = { templates: ListTemplates; fixed: ReadonlySet<string>; choices: ChoiceFields };
const patternOf = (path: Path) => path.map((p) => (typeof p === "number" ? "*" : p)).join(".");

/**
 * Lists the form shows even when a document has none (an optional list, or an empty one that
 * would otherwise read as a list of words), by name, with the item "add" puts in them
 * (lib/content/kinds.ts listTemplates).
 */
export type ListTemplates = Record<string, Record<string, unknown>>;

export const nameOf = (path: Path) => path.map(String).join(".");

/**
 * The name of an item's "remove" box. Not `_remove.<path>`: the form kit registers every field
 * with react-hook-form, which keeps values in an object by the names' dotted paths, so an item's
 * box `_remove.questions.0` and its choices' boxes `_remove.questions.0.choices.1` were one value
 * and its children — the question's box held an object, and react-hook-form ticks a box whose value
 * is truthy: saving a lesson took its questions out. A leaf of its own under the item's path
 * (`._item`, a name no document key starts with `_`) keeps every field name a leaf, never the
 * parent of another (form-model.test.ts checks it for every kind).
 */
export const REMOVE_PREFIX = "_remove.";
const REMOVE_LEAF = "._item";
export const removeName = (itemName: string) => `${REMOVE_PREFIX}${itemName}${REMOVE_LEAF}`;

/** Every name the form sends (its fields and its items' "remove" boxes), in the page's order. */
export function fieldNames(nodes: FormNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.type === "group") {
      fieldNames(n.children, out);
      if (n.removable && typeof n.path.at(-1) === "number") out.push(removeName(n.name));
    } else if (n.type === "list") fieldNames(n.items, out);
    else if (n.type === "choice") out.push(n.name);
    else if (n.type === "localized") out.push(...contentLocales.map((l) => `${n.name}.${l}`));
    else out.push(n.name);
  }
  return out;
}

const LONG = 90;

function node(value: unknown, path: Path, inList: boolean, ctx: Context): FormNode | null {
  const { templates, fixed } = ctx;
  const name = nameOf(path);
  const options = ctx.choices[patternOf(path)];
  if (options && (value === undefined || typeof value === "string")) return { type: "choice", name, path, value: value ?? "", options };
  if (fixed.has(name) && (typeof value === "string" || typeof value === "number")) return { type: "fixed", name, path, value: String(value) };
  if (templates[name] && (value === undefined || Array.isArray(value))) {
    const items = (value ?? []) as unknown[];
    return { type: "list", name, path, addable: true, items: items.map((v, i) => node(v, [...path, i], true, ctx)).filter((n): n is FormNode => n !== null) };
  }
  if (isLocalizedText(value)) return { type: "localized", name, path, value, long: contentLocales.some((l) => (value[l] ?? "").length > LONG) };
  if (typeof value === "string") return { type: "text", name, path, value, long: value.length > LONG };
  if (typeof value === "number") return { type: "number", name, path, value };
  if (typeof value === "boolean") return { type: "boolean", name, path, value };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) return { type: "words", name, path, value: value as string[] };
    return { type: "list", name, path, addable: value.length > 0, items: value.map((v, i) => node(v, [...path, i], true, ctx)).filter((n): n is FormNode => n !== null) };
  }
  if (value && typeof value === "object") {
    return { type: "group", name, path, removable: inList, children: children(value as Record<string, unknown>, path, ctx) };
  }
  return null;
}

/** An object's fields, and the templated lists and choice fields it does not have yet. */
function children(value: Record<string, unknown>, path: Path, ctx: Context): FormNode[] {
  const absentOf = (names: string[], prefix: string) =>
    names.filter((t) => t.startsWith(prefix) && !t.slice(prefix.length).includes(".") && !(t.slice(prefix.length) in value)).map((t) => t.slice(prefix.length));
  const absent = [
    ...absentOf(Object.keys(ctx.templates), path.length > 0 ? `${nameOf(path)}.` : ""),
    ...absentOf(Object.keys(ctx.choices), path.length > 0 ? `${patternOf(path)}.` : ""),
  ];
  return [...Object.entries(value), ...absent.map((k) => [k, undefined] as const)]
    .map(([k, v]) => node(v, [...path, k], false, ctx))
    .filter((n): n is FormNode => n !== null);
}

/**
 * The form of a document, without its locked fields (its key, its version stamp); `fixed`: fields
 * inside it, by name ("complaintCategories.2.id"), shown but not editable.
 */
export function formModel(data: Record<string, unknown>, locked: readonly string[], templates: ListTemplates = {}, fixed: readonly string[] = [], choices: ChoiceFields = {}): FormNode[] {
  return children(data, [], { templates, fixed: new Set(fixed), choices }).filter((n) => !locked.includes(String(n.path[0])));
}

export type SentValues = Record<string, string | string[]>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function setAt(target: unknown, path: Path, value: unknown) {
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
}

function deleteAt(target: unknown, path: Path) {
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  delete at[path.at(-1)!];
}

function getAt(target: unknown, path: Path): unknown {
  let at = target as Record<string | number, unknown> | undefined;
  for (const key of path) at = at?.[key] as Record<string | number, unknown> | undefined;
  return at;
}

function apply(nodes: FormNode[], out: unknown, sent: SentValues) {
  for (const n of nodes) {
    switch (n.type) {
      case "localized": {
        const text: Record<string, string> = { ...n.value } as Record<string, string>;
        for (const l of contentLocales) {
          const v = one(sent[`${n.name}.${l}`]);
          if (v !== undefined) text[l] = v.trim();
        }
        // Left empty in every language: the text is taken out (an optional note, a copied item's
        // extra field); if the schema requires it, it says so on the field.
        if (typeof n.path.at(-1) === "string" && contentLocales.every((l) => !(text[l] ?? "").trim())) deleteAt(out, n.path);
        else setAt(out, n.path, text);
        break;
      }
      case "text": {
        const v = one(sent[n.name]);
        if (v !== undefined) setAt(out, n.path, v.trim());
        break;
      }
      case "number": {
        const v = one(sent[n.name]);
        // Not a number: sent as typed, so the schema refuses it on its field (nothing lost).
        if (v !== undefined) setAt(out, n.path, /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v);
        break;
      }
      case "boolean": {
        const v = one(sent[n.name]);
        if (v !== undefined) setAt(out, n.path, v === "true");
        break;
      }
      case "words": {
        const v = one(sent[n.name]);
        if (v !== undefined) setAt(out, n.path, v.split(/\r?\n/).map((w) => w.trim()).filter(Boolean));
        break;
      }
      case "group":
        apply(n.children, out, sent);
        break;
      case "list":
        apply(n.items, out, sent);
        break;
      case "fixed":
        // Whatever was sent under its name is ignored: it keeps the version's value.
        break;
      case "choice": {
        // A value outside the options is written as sent: the draft's check refuses it on its field.
        const v = one(sent[n.name])?.trim();
        if (v === "") deleteAt(out, n.path);
        else if (v !== undefined) setAt(out, n.path, v);
        break;
      }
    }
  }
}

/**
 * A copy of a list's last item with its texts emptied (to be written), every yes/no at "no" (a
 * copied "right answer" would make a question's second one, which the draft refuses) and a new id.
 */
function blankCopy(item: unknown, siblings: unknown[]): unknown {
  const copy = structuredClone(item) as unknown;
  const clear = (v: unknown): unknown => {
    if (isLocalizedText(v)) return Object.fromEntries(contentLocales.map((l) => [l, ""]));
    if (typeof v === "boolean") return false;
    if (Array.isArray(v)) return v.map(clear);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clear(x)]));
    return v;
  };
  const blank = clear(copy) as Record<string, unknown>;
  if (blank && typeof blank === "object" && typeof blank.id === "string") {
    const ids = new Set(siblings.map((s) => (s as { id?: unknown }).id));
    let n = siblings.length + 1;
    while (ids.has(`item-${n}`)) n++;
    blank.id = `item-${n}`;
  }
  return blank;
}

/** The paths of the items ticked "remove". */
export function removedPaths(sent: SentValues): Path[] {
  return Object.keys(sent)
    .filter((name) => name.startsWith(REMOVE_PREFIX) && name.endsWith(REMOVE_LEAF) && one(sent[name]) === "true")
    .map((name) => name.slice(REMOVE_PREFIX.length, -REMOVE_LEAF.length).split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)))
    .filter((p) => typeof p.at(-1) === "number");
}

function laterFirst(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === "number" && typeof b[i] === "number") return (b[i] as number) - (a[i] as number);
    return String(b[i]).localeCompare(String(a[i]));
  }
  return b.length - a.length;
}

/**
 * The document the form describes: `base` with the sent values written over it, the items ticked
 * "remove" (`removeName`) taken out, and one blank item added to the list named by `_add`. Fields the form did
 * not send keep their value.
 */
export function applyForm(base: Record<string, unknown>, locked: readonly string[], sent: SentValues, templates: ListTemplates = {}, fixed: readonly string[] = [], choices: ChoiceFields = {}): Record<string, unknown> {
  const out = structuredClone(base);
  apply(formModel(base, locked, templates, fixed, choices), out, sent);
  const removals = removedPaths(sent)
    .filter((p) => !locked.includes(String(p[0])))
    // The last items first, and an item's own items before it, so the positions of the others
    // hold (removing question 1 before question 2's choice 0 would take question 3's).
    .sort(laterFirst);
  for (const p of removals) {
    const list = getAt(out, p.slice(0, -1));
    if (Array.isArray(list) && (p.at(-1) as number) < list.length) list.splice(p.at(-1) as number, 1);
  }
  const add = one(sent._add);
  if (add && !locked.includes(add.split(".")[0]!)) {
    const path = add.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const template = templates[add];
    const list = getAt(out, path);
    if (template && list === undefined && getAt(out, path.slice(0, -1)) !== undefined) setAt(out, path, [structuredClone(template)]);
    else if (template && Array.isArray(list)) list.push(structuredClone(template));
    else if (Array.isArray(list) && list.length > 0) {
      const blank = blankCopy(list.at(-1), list) as Record<string, unknown>;
      // A choice of the copied item (the queue it was sent to) is not the new one's: it starts at none.
      const itemPattern = `${patternOf(path)}.*.`;
      for (const pattern of Object.keys(choices)) if (pattern.startsWith(itemPattern) && !pattern.slice(itemPattern.length).includes(".")) delete blank[pattern.slice(itemPattern.length)];
      list.push(blank);
    }
  }
  return out;
}
