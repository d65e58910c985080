/**
 * The text size a person chose, remembered in a cookie on this device (nothing personal, never
 * stored on the server). A cookie rather than localStorage so it works without JavaScript: the
 * size buttons are a plain GET form to /api/text-size, and a no-JS page loads the size from
 * /api/text-size/css inside <noscript>; with JavaScript the boot script in <head> reads the same
 * cookie before paint. Public pages stay static and cacheable (ADR 0001): nothing here is read
 * while rendering a page.
 */
export const TEXT_SIZE_COOKIE = "idarti.textSize";
export const TEXT_SIZES = ["normal", "large", "larger"] as const;
export type TextSizeName = (typeof TEXT_SIZES)[number];

/** Root font sizes; app/globals.css has the same two for html[data-text-size]. */
export const TEXT_SIZE_ROOT: Record<TextSizeName, string> = { normal: "100%", large: "118.75%", larger: "137.5%" };

export function parseTextSize(value: string | null | undefined): TextSizeName | null {
  return value === "normal" || value === "large" || value === "larger" ? value : null;
}

/** Where to go back after choosing: a path on this site only (never an open redirect). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  try {
    const url = new URL(value, "http://idarti.invalid");
    if (url.origin !== "http://idarti.invalid") return "/";
    return url.pathname + url.search;
  } catch {
    return "/";
  }
}

/** The cookie's Set-Cookie value (a year; Lax; readable by the boot script, so not HttpOnly). */
export function textSizeCookie(size: TextSizeName, secure: boolean): string {
  const base = `${TEXT_SIZE_COOKIE}=${size}; Path=/; Max-Age=${size === "normal" ? 0 : 31_536_000}; SameSite=Lax`;
  return secure ? `${base}; Secure` : base;
}

/** Runs before paint (inline in <head>): the remembered size never flashes. Old localStorage sizes still count. */
export const textSizeBootScript = `try{var m=document.cookie.match(/(?:^|; )${TEXT_SIZE_COOKIE.replace(".", "\\.")}=(large|larger)(?:;|$)/);var s=m?m[1]:null;if(!s&&!/(?:^|; )${TEXT_SIZE_COOKIE.replace(".", "\\.")}=/.test(document.cookie)){s=localStorage.getItem("${TEXT_SIZE_COOKIE}")}if(s==="large"||s==="larger")document.documentElement.dataset.textSize=s}catch(e){}`;
