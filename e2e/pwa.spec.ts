import { chromium, expect, test, type Page } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumArgs } from "../scripts/chromium.mjs";
import { baseURL } from "../playwright.config";

/** Waits until the worker has stored `pathname` (the write happens after the page is shown). */
async function waitForCached(page: Page, pathname: string) {
  await expect
    .poll(
      () =>
        page.evaluate(async (p) => {
          for (const name of await caches.keys()) {
            const keys = await (await caches.open(name)).keys();
            if (keys.some((k) => new URL(k.url).pathname === p)) return true;
          }
          return false;
        }, pathname),
      { timeout: 15_000 },
    )
    .toBe(true);
}

async function waitForWorker(page: Page) {
  // `ready` resolves while the worker may still be activating: wait for a controller too.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration("/");
    return !!reg?.active && reg.active.state === "activated" && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 30_000 });
}

test.describe("installable and offline", () => {
  test("the manifest is valid", async ({ request }) => {
    const res = await request.get("/manifest.webmanifest");
    expect(res.ok()).toBe(true);
    const m = await res.json();
    expect(m.start_url).toBe("/ar");
    expect(m.display).toBe("standalone");
    expect(m.dir).toBe("rtl");
    const sizes = m.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}:${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(["192x192:any", "512x512:any", "512x512:maskable"]));
    for (const icon of m.icons) expect((await request.get(icon.src)).ok()).toBe(true);
  });

  test("a visited page reloads offline, an unvisited one shows the offline page in its locale", async ({ page, context }) => {
    await page.goto("/fr");
    await waitForWorker(page);
    // Visit a page once the worker controls the tab, so it is cached as visited.
    await page.goto("/fr/control");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page témoin");
    await waitForCached(page, "/fr/control");
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page témoin");
    await page.goto("/fr/never-visited-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vous êtes hors connexion");
    await page.goto("/ar/another-unvisited");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("أنت غير متصل بالإنترنت");
    await context.setOffline(false);
  });

  test("a personal route is never put in the Cache Storage", async ({ page }) => {
    await page.goto("/ar");
    await waitForWorker(page);
    await page.goto("/ar/my");
    await page.goto("/ar/control");
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain("/ar/control");
    expect(cached.filter((u) => u.startsWith("/ar/my"))).toEqual([]);
  });

  test("Chromium reports no installability errors", async () => {
    // Installability needs a persistent profile: an incognito context reports "in-incognito".
    const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-profile-"));
    const ctx = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH,
      args: chromiumArgs,
      headless: true,
    });
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(`${baseURL}/ar`);
      await waitForWorker(page);
      const cdp = await ctx.newCDPSession(page);
      await expect
        .poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors.map((e) => e.errorId), { timeout: 20_000 })
        .toEqual([]);
    } finally {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
