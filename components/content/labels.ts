import { getTranslations } from "next-intl/server";
import type { LocalizedText } from "@/lib/i18n/content";
import { localized } from "@/lib/i18n/content";
import type { Locale } from "@/lib/i18n/routing";
import { getBody } from "@/lib/catalogue/catalogue";

/**
 * A document's name in the reader's language: its title, or its name (a body, a topic, a house);
 * a body's list of categories has none: the body's name and `kindOne` (what the document is).
 */
export function documentTitle(data: Record<string, unknown>, locale: Locale, kindOne?: string): string {
  if (data.title === undefined && data.name === undefined && typeof data.bodyId === "string") {
    const body = getBody(data.bodyId);
    const name = body ? localized(body.name, locale) : data.bodyId;
    return kindOne ? `${kindOne} — ${name}` : name;
  }
  const text = (data.title ?? data.name) as LocalizedText | undefined;
  return text ? localized(text, locale) || String(data.slug ?? data.id ?? "") : String(data.slug ?? data.id ?? "");
}

/** A field's path in words: "Documents › 2 › Name" (list positions from 1). */
export async function fieldLabeller(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "ContentEditing" });
  const word = (segment: string | number) => {
    if (typeof segment === "number") return String(segment + 1);
    const key = `fields.${segment}`;
    return t.has(key as never) ? t(key as never) : segment;
  };
  return (path: (string | number)[]) => path.map(word).join(" › ");
}
