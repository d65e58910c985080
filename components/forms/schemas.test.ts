import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { validationError } from "@/lib/errors";
import { formSchemas, type FormSchemaName } from "./schemas";

/**
 * Every schema a form checks on the phone loads on its own, and every message key it can give
 * exists in the three languages — so the phone never shows a raw key. A message that is not a key
 * (zod's own, for a hidden field the page always fills) is shown as the generic "check what you
 * entered", by the kit and by the server alike (lib/safe-action.ts).
 */
const MESSAGE_KEY = /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/;
const locales = { ar, fr, en } as Record<string, unknown>;

function has(messages: unknown, key: string): boolean {
  let at: unknown = messages;
  for (const part of key.split(".")) at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === "string";
}

// Inputs that break each rule a form can break: nothing, wrong types, control characters, too long.
const bad: Record<string, unknown>[] = [
  {},
  { bodyId: "nobody", subject: "", question: "x", description: "x", category: "x", governorate: "x", delegation: "x", locationMode: "x" },
  { subject: "a\u0000b", question: "\u0007", description: "y".repeat(6000), place: "p", locationMode: "place" },
  { locationMode: "gps", lat: "99", lon: "x", description: "z".repeat(20) },
];

describe("the schemas the form kit loads on the phone", () => {
  for (const name of Object.keys(formSchemas) as FormSchemaName[]) {
    it(`${name}: loads, and says what is wrong with message keys of ar, fr and en`, async () => {
      const schema = await formSchemas[name]();
      const keys = new Set<string>();
      for (const input of bad) {
        const parsed = schema.safeParse(input);
        if (!parsed.success) for (const key of Object.values(validationError(parsed.error.issues).fields ?? {})) keys.add(key);
      }
      expect(keys.size).toBeGreaterThan(0);
      for (const key of [...keys].filter((k) => MESSAGE_KEY.test(k))) for (const [l, m] of Object.entries(locales)) expect(has(m, key), `${key} in ${l}`).toBe(true);
    });
  }
});
