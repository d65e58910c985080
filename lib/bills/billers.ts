/**
 * The billers Idarti can look bills up with. STEG and SONEDE print a bill reference and a key
 * (المفتاح) that La Poste's Fatouranet form also asks for; Tunisie Telecom bills are found by
 * reference alone. Their real reference formats were not found (domain.md): the patterns here
 * are the simulator's and are deliberately loose (digits, lengths) — adjust per biller, not code.
 */
import { toLatinDigits } from "@/lib/i18n/digits";

export const billerIds = ["steg", "sonede", "tt"] as const;
export type BillerId = (typeof billerIds)[number];

export type BillerDefinition = {
  id: BillerId;
  /** Kind of service, for icons and wording: electricity & gas, water, telephone. */
  service: "electricity" | "water" | "telephone";
  reference: RegExp;
  contract: RegExp;
  /** null when the biller does not use a key. */
  key: RegExp | null;
};

export const billers: Record<BillerId, BillerDefinition> = {
  steg: { id: "steg", service: "electricity", reference: /^\d{10}$/, contract: /^\d{8}$/, key: /^\d{2}$/ },
  sonede: { id: "sonede", service: "water", reference: /^\d{9}$/, contract: /^\d{7}$/, key: /^\d{2}$/ },
  tt: { id: "tt", service: "telephone", reference: /^\d{10}$/, contract: /^\d{8}$/, key: null },
};

export function isBillerId(value: string): value is BillerId {
  return (billerIds as readonly string[]).includes(value);
}

/** What people type ("40 112 233-01") becomes what billers store ("4011223301"). */
export function normalizeDigits(input: string): string {
  return toLatinDigits(input).replace(/[\s.\-/]/g, "");
}
