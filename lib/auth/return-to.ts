import { isLocale, localePath, splitLocalePath, type Locale } from "@/lib/i18n/routing";

const LOCALE_PATH = /^\/(ar|fr|en)(\/|$)/;
const NEVER_BACK_TO = ["/sign-in", "/welcome"];

/**
 * Where to go after signing in: only a path of this site under a locale (never another origin,
 * never `//evil.example`, never a backslash trick), and never back into sign-in itself.
 * Anything else → null, and the caller uses its default.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  // Control characters and whitespace have no business in a path we redirect to.
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, "http://idarti.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://idarti.invalid") return null;
  if (!LOCALE_PATH.test(url.pathname)) return null;
  const { rest } = splitLocalePath(url.pathname);
  if (NEVER_BACK_TO.some((p) => rest === p || rest.startsWith(p + "/"))) return null;
  return url.pathname + url.search;
}

/** The same page in another language: `/ar/my?x=1` → `/fr/my?x=1`. */
export function inLocale(path: string, locale: Locale): string {
  const q = path.indexOf("?");
  const pathname = q === -1 ? path : path.slice(0, q);
  const search = q === -1 ? "" : path.slice(q);
  const { rest } = splitLocalePath(pathname);
  return localePath(locale, rest) + search;
}

export function withReturnTo(path: string, returnTo: string | null | undefined): string {
  return returnTo ? `${path}?returnTo=${encodeURIComponent(returnTo)}` : path;
}

export { isLocale };
