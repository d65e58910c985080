import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ALPHABET, checkValue, generateReference, isValidCheck, parseReference, symbolsOf } from "./reference";

const FORMAT = /^IDR-\d{2}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;

/** Deterministic "random" bytes so a failing case can be reproduced. */
function bytesFrom(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}

function rebuild(symbols: string): string {
  return `IDR-${symbols.slice(0, 2)}-${symbols.slice(2, 6)}-${symbols.slice(6)}`;
}

const sample = Array.from({ length: 300 }, (_, i) => generateReference({ year: 2026 + (i % 3), random: bytesFrom(i + 1) }));

describe("references", () => {
  it("look like IDR-26-7K3F-9Q and read back as themselves", () => {
    for (const ref of sample) {
      expect(ref).toMatch(FORMAT);
      expect(parseReference(ref)).toBe(ref);
    }
    expect(generateReference({ year: 2026 })).toMatch(/^IDR-26-/);
  });

  it("use an alphabet without look-alikes (no I, L, O, U) and 32 symbols", () => {
    expect(ALPHABET).toHaveLength(32);
    expect(new Set(ALPHABET).size).toBe(32);
    for (const ch of "ILOU") expect(ALPHABET).not.toContain(ch);
  });

  it("are read case-insensitively, with or without prefix, dashes or spaces, O as 0 and I/L as 1", () => {
    const ref = sample.find((r) => /[01]/.test(symbolsOf(r).slice(2)))!;
    const s = symbolsOf(ref);
    expect(parseReference(ref.toLowerCase())).toBe(ref);
    expect(parseReference(s)).toBe(ref);
    expect(parseReference(` ${s.slice(0, 4)} ${s.slice(4)} `)).toBe(ref);
    expect(parseReference(`idr ${s.slice(0, 2)}.${s.slice(2)}`)).toBe(ref);
    const fuzzy = s.slice(0, 2) + s.slice(2).replace(/0/g, "O").replace(/1/g, "l");
    expect(parseReference(fuzzy)).toBe(ref);
  });

  it("refuse garbage", () => {
    for (const bad of ["", "IDR", "IDR-26-7K3F", "IDR-26-7K3F-9Q-X", "IDR-2A-7K3F-9Q", "IDR-26-7K3F-9U", "١٢٣", "IDR-26-7K3F-9Q\u0000"]) {
      expect(parseReference(bad), bad).toBeNull();
    }
  });

  it("the check is provably enough: every weight times every symbol difference is non-zero mod 37", () => {
    // The check is linear (Σ w_i·v_i + c ≡ 1 mod 37, w_i = 2^k). A substitution at position i
    // from a to b changes the sum by w_i·(b−a); a swap of positions i, j by (w_i − w_j)·(b − a).
    // Exhaustive over the 8 positions and all 32×31 symbol pairs: none is 0 mod 37, so no
    // reference can hide such an error.
    const n = 8;
    const weights = Array.from({ length: n }, (_, i) => {
      let w = 1;
      for (let k = 0; k < n - 1 - i; k++) w = (w * 2) % 37;
      return w;
    });
    const blind: string[] = [];
    let checked = 0;
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < 32; a++) {
        for (let b = 0; b < 32; b++) {
          if (a === b) continue;
          checked++;
          if ((weights[i]! * (b - a)) % 37 === 0) blind.push(`substitution at ${i}: ${a}→${b}`);
          for (let j = i + 1; j < n; j++) if (((weights[i]! - weights[j]!) * (b - a)) % 37 === 0) blind.push(`swap ${i},${j}: ${a},${b}`);
        }
      }
    }
    expect(blind).toEqual([]);
    expect(checked).toBe(8 * 32 * 31);
    // And the weights are those the implementation uses: the check value balances the sum.
    const values = [2, 6, 7, 19, 3, 15, 9];
    const c = checkValue(values);
    const sum = values.reduce((acc, v, i) => acc + weights[i]! * v, 0) + weights[7]! * c;
    expect(sum % 37).toBe(1);
  });

  it("catch every single substitution, exhaustively, on 300 references", () => {
    let tried = 0;
    const missed: string[] = [];
    for (const ref of sample) {
      const s = symbolsOf(ref);
      for (let i = 0; i < s.length; i++) {
        for (const ch of ALPHABET) {
          if (ch === s[i]) continue;
          tried++;
          if (parseReference(rebuild(s.slice(0, i) + ch + s.slice(i + 1))) !== null) missed.push(`${ref} pos ${i} → ${ch}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBe(300 * 8 * 31);
  });

  it("catch every adjacent transposition (and every other swap), exhaustively, on 300 references", () => {
    let tried = 0;
    const missed: string[] = [];
    for (const ref of sample) {
      const s = [...symbolsOf(ref)];
      for (let i = 0; i < s.length; i++) {
        for (let j = i + 1; j < s.length; j++) {
          if (s[i] === s[j]) continue;
          const t = [...s];
          [t[i], t[j]] = [t[j]!, t[i]!];
          tried++;
          if (parseReference(rebuild(t.join(""))) !== null) missed.push(`${ref} swap ${i},${j}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(300 * 20);
  });

  it("property: a random single error or adjacent swap is always caught", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.nat(7),
        fc.nat(31),
        fc.boolean(),
        (year, bytes, pos, sym, swap) => {
          let offset = 0;
          const random = (n: number) => {
            const out = bytes.slice(offset, offset + n);
            offset = (offset + n) % 56;
            return out.length === n ? out : new Uint8Array(n).fill(sym);
          };
          const ref = generateReference({ year, random });
          const s = [...symbolsOf(ref)];
          if (swap) {
            const i = Math.min(pos, 6);
            if (s[i] === s[i + 1]) return true;
            [s[i], s[i + 1]] = [s[i + 1]!, s[i]!];
          } else {
            if (ALPHABET[sym] === s[pos]) return true;
            s[pos] = ALPHABET[sym]!;
          }
          return parseReference(rebuild(s.join(""))) === null;
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("issue only check symbols of the alphabet, uniformly enough", () => {
    const counts = new Map<string, number>();
    let invalid = 0;
    for (let i = 0; i < 20_000; i++) {
      const ref = generateReference({ year: 2026 });
      const check = ref.at(-1)!;
      counts.set(check, (counts.get(check) ?? 0) + 1);
      if (!isValidCheck([...symbolsOf(ref)].map((c) => ALPHABET.indexOf(c)))) invalid++;
    }
    expect(invalid).toBe(0);
    expect(counts.size).toBe(32);
    for (const n of counts.values()) expect(n).toBeGreaterThan(400); // ≈ 625 each
  });
});
