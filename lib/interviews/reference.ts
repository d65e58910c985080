/**
 * Booking references a citizen reads aloud over the phone: "RDV-7K3F-9Q2X" — Crockford base32
 * (no I, L, O, U), grouped by four, the last character a Luhn mod 32 check character (catches
 * every single wrong character and every swap of two neighbours but 0↔Z) so that a mistyped reference
 * is refused before any lookup. Letters and digits only: easy to read aloud.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const N = ALPHABET.length;

export const REFERENCE_PREFIX = "RDV";

export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (const ch of [...body].reverse()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`not a reference character: ${ch}`);
    const addend = factor * v;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

export function makeReference(random: (n: number) => Uint8Array): string {
  const bytes = random(7);
  const body = [...bytes].map((b) => ALPHABET[b & 31]).join("");
  const full = body + checkCharacter(body);
  return `${REFERENCE_PREFIX}-${full.slice(0, 4)}-${full.slice(4)}`;
}

/** Normalises what someone typed ("rdv 7k3f 9q2x", O for 0…) and checks it; null if invalid. */
export function parseReference(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  const m = new RegExp(`^${REFERENCE_PREFIX}([0-9A-Z]{8})$`).exec(cleaned);
  if (!m) return null;
  const full = m[1]!;
  const body = full.slice(0, 7);
  if (![...full].every((c) => ALPHABET.includes(c))) return null;
  if (checkCharacter(body) !== full[7]) return null;
  return `${REFERENCE_PREFIX}-${full.slice(0, 4)}-${full.slice(4)}`;
}
