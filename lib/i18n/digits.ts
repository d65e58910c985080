/**
 * Digits as people type them on a Tunisian phone: an Arabic keyboard gives ٠١٢٣٤٥٦٧٨٩
 * (Arabic-Indic), a Persian or Urdu one ۰۱۲۳۴۵۶۷۸۹. Every reader of a number (phone numbers,
 * bill references, codes, search) turns them into 0–9 here, and only here.
 */
export function toLatinDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
