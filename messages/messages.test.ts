import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";
import ar from "./ar.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const files = { en: leaves(en as Tree), fr: leaves(fr as Tree), ar: leaves(ar as Tree) };

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** Every ICU argument of a message, at any depth (inside plural and select options too), by ICU's own parser. */
function placeholders(message: string): string[] {
  const out: string[] = [];
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      // 0 literal, 7 pound: no argument. Every other element names one (argument, number, date, select, plural, tag…).
      if (e.type !== 0 && e.type !== 7 && typeof e.value === "string") out.push(e.value);
      for (const option of Object.values(e.options ?? {})) walk(option.value);
      if (e.children) walk(e.children);
    }
  };
  walk(parse(message, { ignoreTag: true }) as Element[]);
  return out.sort();
}

describe("messages", () => {
  it("fr and ar have exactly the keys of en", () => {
    const keys = [...files.en.keys()].sort();
    expect([...files.fr.keys()].sort()).toEqual(keys);
    expect([...files.ar.keys()].sort()).toEqual(keys);
  });

  it("no message is empty", () => {
    for (const [lang, map] of Object.entries(files)) for (const [k, v] of map) expect(v.trim(), `${lang}:${k}`).not.toBe("");
  });

  it("every translation uses the same arguments as English", () => {
    for (const [key, message] of files.en) {
      const expected = [...new Set(placeholders(message))];
      for (const lang of ["fr", "ar"] as const) {
        expect([...new Set(placeholders(files[lang].get(key)!))], `${lang}:${key}`).toEqual(expected);
      }
    }
  });

  it("Arabic plurals give all six forms", () => {
    for (const [key, message] of files.ar) {
      if (!/,\s*plural\s*,/.test(message)) continue;
      for (const form of ["zero", "one", "two", "few", "many", "other"]) {
        expect(message, `ar:${key} lacks "${form}"`).toMatch(new RegExp(`\\b${form}\\s*\\{`));
      }
    }
  });
});
