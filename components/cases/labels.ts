import { getTranslations } from "next-intl/server";
import { getBody, getService, listBodies } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { GENERIC_MUNICIPALITY, getMunicipality, municipalitiesByGovernorate } from "@/lib/municipalities/municipalities";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Translating message keys that the engine stores (kind names, status names, field labels), and
 * the names of bodies and services: the engine stores catalogue ids and slugs, the catalogue
 * (lib/catalogue) gives their names in each language.
 */
export type Tr = ((key: string, values?: Record<string, string | number | Date>) => string) & { has: (key: string) => boolean; locale?: Locale };

export async function rootTranslator(locale: Locale): Promise<Tr> {
  const t = (await getTranslations({ locale })) as unknown as Tr;
  const withLocale = ((key: string, values?: Record<string, string | number | Date>) => t(key, values)) as Tr;
  withLocale.has = (key: string) => t.has(key);
  withLocale.locale = locale;
  return withLocale;
}

export function translateKey(t: Tr, key: string, values?: Record<string, string | number | Date>): string {
  return t.has(key) ? t(key, values) : key;
}

/**
 * A body's name from the catalogue or the municipalities (`municipality-<slug>`, lib/municipalities),
 * in the reader's language (an unknown id falls back to messages, then to itself).
 */
export function bodyName(t: Tr, bodyId: string | null): string {
  if (!bodyId) return "";
  const body = getBody(bodyId) ?? getMunicipality(bodyId);
  if (body && t.locale) return localized(body.name, t.locale);
  const key = `Cases.bodies.${bodyId}`;
  return t.has(key) ? t(key) : bodyId;
}

/** A catalogue service's title for a slug a case stores. */
export function serviceName(t: Tr, slug: string | null | undefined): string {
  if (!slug) return "";
  const service = getService(slug);
  return service && t.locale ? localized(service.title, t.locale) : slug;
}

/** A payload value as a person reads it: body ids and service slugs by their names. */
export function displayValue(t: Tr, field: string, value: string): string {
  if (field === "bodyId" || field === "municipalityId") return bodyName(t, value);
  if (field === "serviceSlug") return serviceName(t, value);
  return value;
}

/** The municipalities for a select: grouped by governorate, names in the reader's language. */
export function municipalityGroups(locale: Locale): { label: string; options: { value: string; label: string }[] }[] {
  return municipalitiesByGovernorate().map((g) => ({
    label: localized(g.name, locale),
    options: g.municipalities.map((m) => ({ value: m.id, label: localized(m.name, locale) })),
  }));
}

/**
 * The bodies a staff account, an API key or a webhook belongs to, for a select: "STEG — Société …"
 * (the short name alone when it is the name). Not "the municipality" in general: municipal staff
 * and partners belong to one town's municipality (the select's groups, `municipalityGroups`).
 */
export function bodyOptions(locale: Locale): { value: string; label: string; short: string }[] {
  return listBodies()
    .filter((b) => b.id !== GENERIC_MUNICIPALITY)
    .map((b) => {
      const short = localized(b.shortName, locale);
      const name = localized(b.name, locale);
      return { value: b.id, label: short === name ? name : `${short} — ${name}`, short };
    });
}
