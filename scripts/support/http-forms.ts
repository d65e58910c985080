// A browser without JavaScript, in a few lines: a cookie jar, GET a page, fill one of its forms
// and POST it as the browser would (every field of the form, hidden ones included: the server
// action's id and state), following redirects by hand. For benches that must measure the real
// HTTP path behind a button, not the function it ends up calling.

import { createHash } from "node:crypto";

export type FormPage = { url: string; status: number; html: string };

export class HttpClient {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header this client sends (for a load generator to send the same). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), origin: this.base, accept: "text/html" };
  }

  /** One request, no redirect followed; answers the response and its body. */
  async raw(path: string, init: { method?: string; body?: FormData } = {}): Promise<{ res: Response; body: string }> {
    const res = await fetch(new URL(path, this.base), { method: init.method ?? "GET", body: init.body, headers: this.headers(), redirect: "manual" });
    this.remember(res);
    return { res, body: await res.text() };
  }

  /** GET, following redirects (303/307/302) like a browser. */
  async get(path: string): Promise<FormPage> {
    let url = new URL(path, this.base).href;
    for (let hop = 0; hop < 10; hop++) {
      const { res, body } = await this.raw(url);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url).href;
        continue;
      }
      return { url, status: res.status, html: body };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  /** The fields a browser would send for the form that holds `marker`, with `fill` applied. */
  formData(page: FormPage, marker: string, fill: Record<string, string | string[]>): { action: string; data: FormData } {
    const forms = [...page.html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
    const form = forms.find((f) => f[2]!.includes(marker));
    if (!form) throw new Error(`no form with ${marker} on ${page.url}`);
    const action = /\baction="([^"]*)"/.exec(form[1]!)?.[1];
    const data = new FormData();
    const filled = new Set(Object.keys(fill));
    for (const input of form[2]!.matchAll(/<input\b([^>]*?)\/?>/g)) {
      const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(input[1]!)?.[1];
      const name = attr("name");
      if (!name || filled.has(name)) continue;
      const type = attr("type") ?? "text";
      if ((type === "checkbox" || type === "radio") && !/\bchecked\b/.test(input[1]!)) continue;
      if (type === "submit") continue;
      data.append(name, decodeEntities(attr("value") ?? ""));
    }
    for (const [name, value] of Object.entries(fill)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
    return { action: action && !action.startsWith("javascript:") ? decodeEntities(action) : page.url, data };
  }

  /** Submits a form of `page`; answers the POST's own response (timed by the caller) and where it leads. */
  async submit(page: FormPage, marker: string, fill: Record<string, string | string[]>): Promise<{ post: Response; page: FormPage }> {
    const { action, data } = this.formData(page, marker, fill);
    const { res, body } = await this.raw(new URL(action, page.url).href, { method: "POST", body: data });
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) return { post: res, page: await this.get(new URL(location, page.url).href) };
    return { post: res, page: { url: page.url, status: res.status, html: body } };
  }
}

/**
 * Signs a citizen in through the real pages, as a browser without JavaScript: the number, the
 * code read from the SMS outbox page (demo mode), the first-time name. Lands on `returnTo` (or,
 * with `onboard: false`, a newcomer stays on the first-time page).
 */
export async function signInOverHttp(client: HttpClient, opts: { phone: string; returnTo: string; locale?: "ar" | "fr" | "en"; onboard?: boolean }): Promise<FormPage> {
  const l = opts.locale ?? "fr";
  let page = await client.get(`/${l}/sign-in?returnTo=${encodeURIComponent(opts.returnTo)}`);
  page = (await client.submit(page, 'name="phone"', { phone: opts.phone })).page;
  if (!/\/sign-in\/code/.test(page.url)) throw new Error(`sign-in: landed on ${page.url}`);
  const challenge = client.cookie("__Host-idarti.otp");
  if (!challenge) throw new Error("sign-in: no code request");
  const ref = createHash("sha256").update(challenge).digest("hex").slice(0, 16);
  const row = new RegExp(`data-ref="${ref}"[\\s\\S]*?data-testid="sms-text"[^>]*>([^<]*)<`);
  let code: string | undefined;
  for (let i = 0; i < 40 && !code; i++) {
    const sms = await client.get(`/${l}/dev/sms?to=${encodeURIComponent(opts.phone)}`);
    code = /\b(\d{6})\b/.exec(row.exec(sms.html)?.[1] ?? "")?.[1];
    if (!code) await new Promise((r) => setTimeout(r, 250));
  }
  if (!code) throw new Error("sign-in: no code in the SMS outbox");
  page = (await client.submit(page, 'name="code"', { code })).page;
  if (/\/welcome/.test(page.url) && opts.onboard !== false) page = (await client.submit(page, 'name="name"', { name: "Bench Citizen" })).page;
  return page;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
