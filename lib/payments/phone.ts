/**
 * A D17 account is tied to a Tunisian mobile number (domain.md: +216 and 8 digits; mobiles start
 * with 2, 3, 4, 5 or 9). Accepts what people type: "98 123 456", "+216 98 123 456", "0021698123456",
 * Arabic-Indic digits.
 */
export function parseD17Phone(input: string): string | null {
  const ascii = input.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\s.\-()]/g, "");
  const m = /^(?:\+216|00216)?([2-59]\d{7})$/.exec(ascii);
  return m ? `+216${m[1]}` : null;
}
