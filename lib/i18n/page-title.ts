import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formFailedInThisRequest } from "@/lib/form-error-title";
import { isLocale, type Locale } from "./routing";

/**
 * A page's own title (WCAG 2.4.2), from a message of the page's language: the locale layout's
 * template adds « — Idarti ». Every route has one; none shares the site's generic title. On a
 * page whose form came back with errors (sent without JavaScript), the title starts with
 * "Error:" in the page's language.
 *
 *     export const generateMetadata = titled("Agenda.title", { robots: { index: false } });
 *     export const generateMetadata = titled("Control.title", {}, { staticPage: true });
 */
export function titled(key: string, extra: Metadata = {}, opts: { staticPage?: boolean } = {}) {
  return async function generateMetadata({ params }: { params: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
    const raw = await params;
    const locale = typeof raw.locale === "string" ? raw.locale : "";
    if (!isLocale(locale)) return extra;
    const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : safeDecode(v ?? "")]));
    const t = await getTranslations({ locale });
    const title = (t as unknown as (k: string, v?: Record<string, string>) => string)(key, flat);
    // A static page has no form and no request to read.
    return { ...extra, title: opts.staticPage ? title : await withErrorPrefix(locale, title) };
  };
}

/**
 * «Error: {title}» when a form of this request failed (or `failed` says so, for GET forms whose
 * errors come from the address). Only for dynamic pages: it reads the request.
 */
export async function withErrorPrefix(locale: Locale, title: string, failed?: boolean): Promise<string> {
  if (!(failed ?? (await formFailedInThisRequest()))) return title;
  const t = await getTranslations({ locale, namespace: "A11y" });
  return `${t("errorTitlePrefix")} ${title}`;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
