import { createHash } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/**
 * Signing in for the journeys, through the real pages: type the number, read the code from the
 * SMS outbox page (/{locale}/dev/sms, demo mode), type it, answer the first-time questions if
 * asked. Sessions are real sessions; by default one made earlier in this worker for the same
 * number is reused (checked by loading /account first), because a number may only ask for 3 codes
 * per 15 minutes — exactly as for a real person.
 *
 *     await signIn(page, { phone: demoAccounts.agent, locale: "fr" });
 *     await signIn(page, { phone: uniquePhone(), returnTo: "/ar/my" }); // a new citizen
 */
export type LocalePrefix = "ar" | "fr" | "en";

export const demoAccounts = {
  admin: "+21620000001",
  /** A second administrator, to review what the first one wrote. */
  adminContent: "+21620000009",
  agent: "+21620000002",
  officialRegional: "+21620000003",
  officialCentral: "+21620000004",
  volunteer: "+21620000005",
  interpreter: "+21620000006",
  /** An agent of the municipality of Sfax (no service house): Sfax's cases only. */
  municipalAgentSfax: "+21620000021",
  citizenAr: "+21698123456",
  citizenFr: "+21655123456",
} as const;

export const SESSION_COOKIE = "__Host-idarti.session";
export const CHALLENGE_COOKIE = "__Host-idarti.otp";

let sequence = 0;
/** A mobile number nobody else in this run uses: a new citizen (no account yet). */
export function uniquePhone(): string {
  sequence += 1;
  const body = String((Date.now() * 1000 + process.pid * 37 + sequence * 7919) % 10_000_000).padStart(7, "0");
  return `+2165${body}`;
}

type SignInOptions = {
  /** Any form a person would type; E.164 is simplest. */
  phone: string;
  locale?: LocalePrefix;
  /** Where to land (a path with its locale prefix). Default: /{locale}/account. */
  returnTo?: string;
  /** Name given on the first-time page, if it appears. */
  name?: string;
  /** Reuse a session of this number made earlier in this worker (default true). */
  reuse?: boolean;
};

const sessions = new Map<string, { name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: "Lax" | "Strict" | "None" }>();

export async function signIn(page: Page, opts: SignInOptions): Promise<void> {
  const locale = opts.locale ?? "ar";
  const target = opts.returnTo ?? `/${locale}/account`;
  const key = opts.phone.replace(/\D/g, "").slice(-8);

  const saved = opts.reuse === false ? undefined : sessions.get(key);
  if (saved) {
    await page.context().addCookies([saved]);
    await page.goto(target);
    if (!/\/(sign-in|welcome)(\/|\?|$)/.test(new URL(page.url()).pathname)) return;
    sessions.delete(key);
    await page.context().clearCookies({ name: SESSION_COOKIE });
  }

  // The demo accounts are shared by every journey of the run: their 3 codes per 15 minutes would
  // run out between parallel journeys. Other numbers keep the production limits.
  if ((Object.values(demoAccounts) as string[]).includes(opts.phone)) {
    const reset = await page.request.post("/api/test/sign-in-limits", { data: { phone: opts.phone } });
    expect(reset.ok(), "the test server resets a demo account's sign-in limits").toBe(true);
  }
  await page.goto(`/${locale}/sign-in?returnTo=${encodeURIComponent(target)}`);
  await page.locator('main input[name="phone"]').fill(opts.phone);
  await page.locator('main form button[type="submit"]').first().click();
  // The first action of a fresh server also opens the database: give it time.
  await expect(page).toHaveURL(/\/sign-in\/code/, { timeout: 30_000 });

  const code = await readCode(page, { phone: opts.phone, locale });
  await page.locator('main input[name="code"]').fill(code);
  await page.locator('main form button[type="submit"]').first().click();
  await expect(page).not.toHaveURL(/\/sign-in(\/|\?|$)/, { timeout: 20_000 });

  if (new URL(page.url()).pathname.endsWith("/welcome")) {
    await page.locator('main input[name="name"]').fill(opts.name ?? "Test Citizen");
    await page.locator('main form button[type="submit"]').first().click();
    await expect(page).not.toHaveURL(/\/welcome(\?|$)/);
  }

  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "the session cookie after signing in").toBeTruthy();
  if (cookie) sessions.set(key, cookie);
}

/**
 * The code of the request this page is waiting on (step 2 of sign-in), read from the SMS outbox
 * page. Rows carry a hash of the request id, so parallel sign-ins of one number never mix up.
 */
export async function readCode(page: Page, opts: { phone: string; locale?: LocalePrefix }): Promise<string> {
  const challenge = (await page.context().cookies()).find((c) => c.name === CHALLENGE_COOKIE);
  if (!challenge) throw new Error("no pending code request in this browser");
  const ref = createHash("sha256").update(challenge.value).digest("hex").slice(0, 16);
  const url = `/${opts.locale ?? "ar"}/dev/sms?to=${encodeURIComponent(opts.phone)}`;
  const row = new RegExp(`data-ref="${ref}"[\\s\\S]*?data-testid="sms-text"[^>]*>([^<]*)<`);
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const html = await (await page.request.get(url)).text();
        found = row.exec(html)?.[1];
        return found ?? null;
      },
      { message: `the SMS for ${opts.phone} in the outbox`, timeout: 10_000 },
    )
    .not.toBeNull();
  const code = /\b(\d{6})\b/.exec(found!)?.[1];
  if (!code) throw new Error(`no 6-digit code in «${found}»`);
  return code;
}

/** Signs out with the header's button and checks the sign-in page says so. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('header nav form button[type="submit"]').click(); // the account menu's form (the text-size buttons are a form too)
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
}
