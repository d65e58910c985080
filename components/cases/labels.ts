import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Translating message keys that the engine stores (kind names, status names, field labels) and
 * body ids. Body names come from messages `Cases.bodies.*` for now; when the catalogue offers
 * them, pass its names instead (the engine stores ids only).
 */
export type Tr = ((key: string, values?: Record<string, string | number | Date>) => string) & { has: (key: string) => boolean };

export async function rootTranslator(locale: Locale): Promise<Tr> {
  return (await getTranslations({ locale })) as unknown as Tr;
}

export function translateKey(t: Tr, key: string, values?: Record<string, string | number | Date>): string {
  return t.has(key) ? t(key, values) : key;
}

export function bodyName(t: Tr, bodyId: string | null): string {
  if (!bodyId) return "";
  const key = `Cases.bodies.${bodyId}`;
  return t.has(key) ? t(key) : bodyId;
}
