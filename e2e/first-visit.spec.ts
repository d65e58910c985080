import { expect, test, type Page } from "@playwright/test";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";

/**
 * What a first visit costs a citizen on a metered 3G phone (issue 19 §2): nothing downloaded that
 * nobody asked for (router prefetches of the links in view), nothing that moves under their thumb
 * (layout shift), and data-saver mode honoured.
 */

/** The requests the router makes on its own after `load`: prefetches. */
function watchPrefetches(page: Page) {
  const seen: string[] = [];
  let loaded = false;
  page.on("load", () => (loaded = true));
  page.on("request", (r) => {
    const h = r.headers();
    const prefetch = h["next-router-prefetch"] === "1" || "next-router-segment-prefetch" in h || new URL(r.url()).searchParams.has("_rsc");
    if (loaded && prefetch) seen.push(r.url());
  });
  return seen;
}

/** The page's layout shift so far (every shift since navigation: the observer is buffered). */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(sum), 200);
      }),
  );
}

test.describe("a first visit on a weak network", () => {
  for (const [lang, m] of [["ar", ar], ["fr", fr]] as const) {
    test(`${lang}: the catalogue home does not move when the "saved for offline" message arrives`, async ({ page }) => {
      await page.goto(`/${lang}/services`);
      // After hydration the worker is asked to keep the catalogue and the message appears.
      await expect(page.getByRole("status").filter({ hasText: new RegExp(`${m.Catalogue.offline.saving}|${m.Catalogue.offline.saved}`) })).toBeVisible({ timeout: 60_000 });
      const cls = await layoutShift(page);
      console.info(`CLS /${lang}/services: ${cls}`);
      expect(cls).toBeLessThanOrEqual(0.05);
      // And the same from the top of a short window, where the end of the page is in view.
      await page.setViewportSize({ width: 412, height: 2400 });
      await page.goto(`/${lang}/services`);
      await expect(page.getByRole("status").filter({ hasText: new RegExp(`${m.Catalogue.offline.saving}|${m.Catalogue.offline.saved}`) })).toBeVisible({ timeout: 60_000 });
      expect(await layoutShift(page)).toBeLessThanOrEqual(0.05);
    });

    for (const path of ["/houses", "/services", "/services/building-permit", "/houses/governorates/kasserine"]) {
      test(`${lang}${path}: no link is prefetched on page load`, async ({ page }) => {
        const prefetches = watchPrefetches(page);
        await page.goto(`/${lang}${path}`, { waitUntil: "load" });
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Next prefetches the links in view once the page is idle: give it the time to.
        await page.waitForLoadState("networkidle");
        await page.mouse.wheel(0, 3000);
        await page.waitForTimeout(1500);
        expect(prefetches).toEqual([]);
      });
    }
  }

  test("data-saver mode: a router prefetch gets an empty answer, a click still opens the page", async ({ browser, request }) => {
    const prefetch = { RSC: "1", "Next-Router-Prefetch": "1" };
    const saved = await request.get("/ar/houses?_rsc=bench", { headers: { ...prefetch, "Save-Data": "on" }, maxRedirects: 0 });
    expect(saved.status()).toBe(204);
    expect((await saved.body()).length).toBe(0);
    // Without data saver the prefetch is served (after Next's redirect to its own `_rsc` key).
    const normal = await request.get("/ar/houses?_rsc=bench", { headers: prefetch });
    expect(normal.status()).toBe(200);
    expect((await normal.body()).length).toBeGreaterThan(0);

    const context = await browser.newContext({ extraHTTPHeaders: { "Save-Data": "on" } });
    const page = await context.newPage();
    await page.goto("/ar/services");
    await page.getByRole("contentinfo").getByRole("link", { name: ar.Home.tasks.houses.title }).click();
    await expect(page).toHaveURL(/\/ar\/houses$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.Houses.title);
    await context.close();
  });
});
