import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "./routing";

/**
 * A page's own title (WCAG 2.4.2), from a message of the page's language: the locale layout's
 * template adds « — Idarti ». Every route has one; none shares the site's generic title.
 *
 *     export const generateMetadata = titled("Agenda.title", { robots: { index: false } });
 */
export function titled(key: string, extra: Metadata = {}, values?: (params: Record<string, string>) => Record<string, string>) {
  return async function generateMetadata({ params }: { params: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
    const raw = await params;
    const locale = typeof raw.locale === "string" ? raw.locale : "";
    if (!isLocale(locale)) return extra;
    const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : safeDecode(v ?? "")]));
    const t = await getTranslations({ locale });
    return { ...extra, title: (t as unknown as (k: string, v?: Record<string, string>) => string)(key, values ? values(flat) : flat) };
  };
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
