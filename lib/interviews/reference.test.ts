import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { makeReference, parseReference } from "./reference";

const bytes = fc.uint8Array({ minLength: 7, maxLength: 7 });
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("booking references", () => {
  it("are RDV-XXXX-XXXX in letters and digits, and parse back (also typed loosely)", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const ref = makeReference(() => b);
        expect(ref).toMatch(/^RDV-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        expect(parseReference(ref)).toBe(ref);
        expect(parseReference(ref.toLowerCase().replace(/-/g, " "))).toBe(ref);
      }),
    );
  });

  it("catch any single wrong character and any swap of neighbours (but 0↔Z, Luhn's blind spot)", () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 31 }), (b, pos, shift) => {
        const ref = makeReference(() => b);
        const chars = ref.replace(/^RDV-/, "").replace("-", "").split("");
        const wrong = [...chars];
        wrong[pos] = ALPHABET[(ALPHABET.indexOf(chars[pos]!) + shift) % 32]!;
        expect(parseReference(`RDV${wrong.join("")}`)).toBeNull();
        if (pos < 7 && chars[pos] !== chars[pos + 1] && [chars[pos], chars[pos + 1]].sort().join("") !== "0Z") {
          const swapped = [...chars];
          [swapped[pos], swapped[pos + 1]] = [swapped[pos + 1]!, swapped[pos]!];
          expect(parseReference(`RDV${swapped.join("")}`)).toBeNull();
        }
      }),
    );
  });
});
