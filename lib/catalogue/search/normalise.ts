/**
 * Text normalisation for search, so that a query matches however people type it.
 *
 * Arabic is typed with or without diacritics, with tatweel for emphasis, with any hamza carrier
 * or none (أ إ آ → ا, ؤ → و, ئ → ي), with ة typed as ه and ى as ي (keyboards and habits differ),
 * and with Persian look-alike letters from some phone keyboards. French is typed without
 * accents. Both sides (the index and the query) go through the same function.
 *
 * Runs in the browser too (the offline search box): no dependencies, no data.
 */
import { toLatinDigits } from "@/lib/i18n/digits";

const LETTER_MAP: Record<string, string> = {
  "\u0629": "\u0647", // ة → ه
  "\u0649": "\u064A", // ى → ي
  "\u0621": "", // ء (a bare hamza) is often left out: "الكهربا" for "الكهرباء"
  "\u0640": "", // tatweel
  "\u06A9": "\u0643", // Persian keheh ک → ك
  "\u06CC": "\u064A", // Persian yeh ی → ي
  "\u06C1": "\u0647", // heh goal ہ → ه
  "\u06BE": "\u0647", // heh doachashmee ھ → ه
  "\u0671": "\u0627", // alef wasla ٱ → ا
  "\u0153": "oe", // œ
  "\u00E6": "ae", // æ
  "\u00DF": "ss", // ß
};

function mapChar(ch: string): string {
  const mapped = LETTER_MAP[ch];
  if (mapped !== undefined) return mapped;
  return toLatinDigits(ch);
}

/**
 * Order matters for idempotence: compatibility forms first (ligatures, presentation forms, lam-alef),
 * then lower case (which can itself produce combining marks), then strip every mark — which also
 * removes the hamza and madda that NFD splits off أ إ آ ؤ ئ — then the letter map.
 */
export function normalise(text: string): string {
  const stripped = text.normalize("NFKC").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  for (const ch of stripped) out += mapChar(ch);
  return out
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/ +/g, " ");
}

const ARABIC_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];

const STOP_WORDS = new Set(
  [
    // Arabic (already normalised: إلى → الي, على → علي). Not «ما»: it is also «الماء» without its article.
    "في", "من", "علي", "الي", "عن", "مع", "او", "و", "هل", "لا", "هذا", "هذه", "التي", "الذي", "ذلك", "كل", "عند", "بعد", "قبل", "كيف", "اين", "انا",
    // French
    "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "ou", "a", "au", "aux", "en", "pour", "par", "sur", "dans", "mon", "ma", "mes", "je", "j", "est", "comment", "ce", "cette",
    // English
    "the", "an", "of", "to", "for", "and", "or", "in", "on", "my", "i", "is", "at", "by", "with", "how", "what", "where", "do", "can",
  ],
);

/** Drops a leading definite article (and the conjunctions/prepositions glued to it). */
export function stripArabicPrefix(token: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= 2) return token.slice(prefix.length);
  }
  return token;
}

/** Normalised, prefix-stripped words without stop words: what the index and the query compare. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const word of normalise(text).split(" ")) {
    if (!word || STOP_WORDS.has(word)) continue;
    const token = stripArabicPrefix(word);
    if (!STOP_WORDS.has(token)) out.push(token);
  }
  return out;
}

const ARABIC_LETTER = /[\u0621-\u064A]/;

/**
 * A light stem for a second, weaker kind of match: plural and feminine endings (شهادات / شهاده,
 * factures / facture). Deliberately crude: it only ever adds matches that score below exact ones.
 */
export function stem(token: string): string {
  if (ARABIC_LETTER.test(token)) {
    for (const suffix of ["ات", "ين", "ون", "ه"]) {
      if (token.endsWith(suffix) && token.length - suffix.length >= 3) return token.slice(0, -suffix.length);
    }
    return token;
  }
  if (token.length >= 5 && (token.endsWith("s") || token.endsWith("x"))) return token.slice(0, -1);
  return token;
}
