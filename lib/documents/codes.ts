import { randomInt } from "node:crypto";

/**
 * Codes a person reads aloud or types from paper: Crockford base32 (digits and capital letters
 * without I, L, O, U, so 0/O and 1/I/L cannot be confused), grouped by four, the last character
 * a Luhn mod-32 check character. Luhn mod N catches every single wrong character and every swap
 * of two neighbours but one (0 and Z, the first and last symbols, like 09/90 in Luhn mod 10):
 * the mistakes people make when copying.
 */
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const N = ALPHABET.length;

function valueOf(ch: string): number {
  return ALPHABET.indexOf(ch);
}

/** Luhn mod N over the characters, as if a check character were about to be appended. */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const v = valueOf(body[i]!);
    if (v < 0) throw new RangeError(`not a code character: ${body[i]}`);
    let addend = factor * v;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

/** What people type becomes canonical: upper case, no spaces or dashes, O→0, I/L→1. */
export function normalizeCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

/** True when the characters are all valid and the last one is the right check character. */
export function hasValidCheck(canonical: string): boolean {
  if (canonical.length < 2 || [...canonical].some((c) => valueOf(c) < 0)) return false;
  return checkCharacter(canonical.slice(0, -1)) === canonical.slice(-1);
}

export function groupCode(canonical: string, size = 4): string {
  return canonical.match(new RegExp(`.{1,${size}}`, "g"))?.join("-") ?? canonical;
}

/** A new random code of `length` characters in all (the last one the check), grouped. */
export function newCode(opts: { length: number; prefix?: string }): string {
  let body = "";
  for (let i = 0; i < opts.length - 1; i++) body += ALPHABET[randomInt(N)];
  const grouped = groupCode(body + checkCharacter(body));
  return opts.prefix ? `${opts.prefix}-${grouped}` : grouped;
}

/**
 * Reads a code typed or scanned by someone: null when it cannot be one of ours (wrong length,
 * a character outside the alphabet, or a check character that does not match).
 */
export function parseCode(input: string, opts: { length: number; prefix?: string }): string | null {
  let s = input.trim().toUpperCase();
  if (opts.prefix) {
    if (!s.startsWith(opts.prefix)) return null;
    s = s.slice(opts.prefix.length);
  }
  const canonical = normalizeCode(s);
  if (canonical.length !== opts.length || !hasValidCheck(canonical)) return null;
  const grouped = groupCode(canonical);
  return opts.prefix ? `${opts.prefix}-${grouped}` : grouped;
}
