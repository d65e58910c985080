/**
 * Case references: what a citizen reads aloud on the phone, copies from an SMS or types at a
 * counter. `IDR-26-7K3F-9Q`: a fixed prefix, the two-digit year, five random symbols and one
 * check symbol.
 *
 * - Alphabet: Crockford base32 (0-9 A-Z without I L O U), so no 0/O or 1/I/L confusion; when
 *   reading, O is taken as 0 and I/L as 1, as Crockford specifies, and case does not matter.
 *   Latin letters and digits only, so the reference is stable inside Arabic text (with <bdi>).
 * - Check symbol: ISO 7064 MOD 37-2 (pure system, modulus 37, radix 2) over the year and the
 *   random symbols. 37 is prime and 2 is a primitive root modulo 37, so every position has a
 *   distinct, non-zero weight (2^k, k < 36): a change of one symbol changes the sum by
 *   w·d with 0 < |d| < 37, never 0 mod 37, and swapping two symbols changes it by
 *   (w_i − w_j)(a − b), never 0 mod 37 either. Every single substitution and every
 *   transposition (adjacent or not) is therefore caught. MOD 37-2 can yield 37 check values;
 *   only references whose check value is one of the 32 alphabet values are issued (about
 *   86 % of draws), so the check symbol is itself a Crockford symbol.
 *
 * The random part gives 32^5 × 32/37 ≈ 29 million references a year; uniqueness is enforced by
 * the database, and a clash is redrawn.
 */
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const PREFIX = "IDR";
export const RANDOM_LENGTH = 5;
const MODULUS = 37;
const RADIX = 2;

const valueOf = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

/** Crockford reading: upper case, O → 0, I and L → 1. Returns null for anything else. */
function readSymbol(ch: string): number | null {
  const c = ch.toUpperCase();
  const mapped = c === "O" ? "0" : c === "I" || c === "L" ? "1" : c;
  return valueOf.get(mapped) ?? null;
}

/**
 * The check value for a sequence of symbol values: c such that Σ v_i·2^(n−i) + c ≡ 1 (mod 37)
 * (ISO 7064 pure system: the check symbol has weight 2^0 = 1).
 */
export function checkValue(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum = ((sum + v) * RADIX) % MODULUS;
  return (((1 - sum) % MODULUS) + MODULUS) % MODULUS;
}

/** True when the symbol values with their check value at the end satisfy MOD 37-2. */
export function isValidCheck(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < values.length - 1; i++) sum = ((sum + values[i]!) * RADIX) % MODULUS;
  return (sum + values[values.length - 1]!) % MODULUS === 1;
}

export type RandomSource = (n: number) => Uint8Array;

const cryptoRandom: RandomSource = (n) => {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
};

/** A new reference for the given year (the year of submission in Africa/Tunis). */
export function generateReference(opts: { year: number; random?: RandomSource }): string {
  const random = opts.random ?? cryptoRandom;
  const yy = String(opts.year % 100).padStart(2, "0");
  const yearValues = [...yy].map((d) => valueOf.get(d)!);
  for (;;) {
    // 32 symbols = 5 bits: the low 5 bits of each byte are uniform.
    const values = [...random(RANDOM_LENGTH)].map((b) => b & 31);
    const check = checkValue([...yearValues, ...values]);
    if (check >= ALPHABET.length) continue; // not a symbol of the alphabet: draw again
    return format([...yearValues, ...values, check]);
  }
}

function format(values: readonly number[]): string {
  const s = values.map((v) => ALPHABET[v]).join("");
  // year (2) · random (4) · random (1) + check (1)
  return `${PREFIX}-${s.slice(0, 2)}-${s.slice(2, 6)}-${s.slice(6)}`;
}

/**
 * Reads what a person typed: any case, with or without the prefix, with spaces, dashes or
 * dots anywhere, O for 0 and I/L for 1. Returns the canonical form when the check symbol agrees,
 * else null.
 */
export function parseReference(input: string): string | null {
  let s = input.normalize("NFKC").replace(/[\s\-_.·‐-―]/g, "").toUpperCase();
  if (s.startsWith(PREFIX)) s = s.slice(PREFIX.length);
  if (s.length !== 2 + RANDOM_LENGTH + 1) return null;
  const values: number[] = [];
  for (const ch of s) {
    const v = readSymbol(ch);
    if (v === null) return null;
    values.push(v);
  }
  if (values[0]! > 9 || values[1]! > 9) return null; // the year is two digits
  if (!isValidCheck(values)) return null;
  return format(values);
}

export function isReference(input: string): boolean {
  return parseReference(input) !== null;
}

/** The compact symbols of a canonical reference (year, random, check), for tests and tools. */
export function symbolsOf(reference: string): string {
  return reference.replace(/-/g, "").slice(PREFIX.length);
}
