import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { SESSION_COOKIE, signIn, type LocalePrefix } from "./auth";

/**
 * One sign-in per person for a whole Playwright run, shared by its parallel workers: a number may
 * ask for only 3 codes per 15 minutes (as for a real person), and every worker signing in again
 * would spend them. The first worker signs in and leaves the session cookie (and anything else it
 * made, e.g. a test case's reference) in a file; the others wait for it and reuse it.
 */
type Saved = { cookie: Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>[number]; data: Record<string, string> };

const dir = path.join(os.tmpdir(), `idarti-e2e-shared-${process.env.E2E_PORT ?? "3210"}-${process.ppid}`);

export async function sharedSession(
  page: Page,
  name: string,
  opts: { phone: string | (() => string); locale?: LocalePrefix; setup?: (page: Page) => Promise<Record<string, string>> },
): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const lock = path.join(dir, `${name}.lock`);
  for (let waited = 0; ; waited += 250) {
    if (existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, "utf8")) as Saved;
      await page.context().addCookies([saved.cookie]);
      return saved.data;
    }
    try {
      mkdirSync(lock); // atomic: this worker signs in
      break;
    } catch {
      if (waited > 120_000) throw new Error(`no shared session «${name}» after 2 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const phone = typeof opts.phone === "function" ? opts.phone() : opts.phone;
    await signIn(page, { phone, locale: opts.locale ?? "ar", reuse: false });
    const data = { phone, ...((await opts.setup?.(page)) ?? {}) };
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error("no session cookie after signing in");
    writeFileSync(file, JSON.stringify({ cookie, data } satisfies Saved));
    return data;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
