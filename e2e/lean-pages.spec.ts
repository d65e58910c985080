import { expect, test } from "./support/csp";
import { expectNoSeriousA11yIssues } from "./support/axe";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";
import { getService } from "../lib/catalogue/catalogue";

/**
 * Issue 19 §1 (docs/adr/0021): a procedure's page reaches the browser without the React/Next
 * client runtime — the same HTML and CSS, one small script — and still does all it did: plain
 * links, text size in place, the service worker keeps it for offline reading. The router (a
 * client navigation from a page that has React) still gets Next's own answer for the same URL.
 * `test` from ./support/csp: any CSP violation fails the test.
 */
const service = getService("pay-steg-bill")!;

for (const [lang, m, locale] of [["ar", ar, "ar"], ["fr", fr, "fr"]] as const) {
  test(`${lang}: a procedure's page without the framework: one small script, plain links, text size, offline after one visit`, async ({ page, context }) => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    const response = await page.goto(`/${lang}/services/${service.slug}`);
    expect(response?.headers()["x-idarti-lean"]).toBe("1");
    await expect(page.getByRole("heading", { level: 1, name: service.title[locale] })).toBeVisible();
    await page.waitForLoadState("load");
    expect(scripts).toEqual(["/enhance/base.js"]);
    expect(await page.evaluate(() => "__next_f" in self || "TURBOPACK" in globalThis)).toBe(false);
    await expectNoSeriousA11yIssues(page);

    // Text size applies in place (no round trip) and the buttons say which is on.
    const larger = page.getByRole("button", { name: m.Shell.textSizeLarger });
    await expect(larger).toHaveAttribute("aria-pressed", "false");
    await larger.click();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    await expect(larger).toHaveAttribute("aria-pressed", "true");
    expect(new URL(page.url()).pathname).toBe(`/${lang}/services/${service.slug}`);
    await page.getByRole("button", { name: m.Shell.textSizeNormal }).click();
    await expect(page.locator("html")).not.toHaveAttribute("data-text-size", /.+/);

    // The service worker is registered by the small script; the page is kept, and reads offline.
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration("/");
      return !!reg?.active && reg.active.state === "activated";
    }, undefined, { timeout: 30_000 });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: service.title[locale] })).toBeVisible();
    await expect(page.getByText(m.Shell.offlineNotice)).toBeVisible();
    await context.setOffline(false);

    // A link is a plain navigation.
    await page.evaluate(() => ((window as unknown as { __stay?: number }).__stay = 1));
    await page.locator(`main a[href="/${lang}/services/bodies/${service.body}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/services/bodies/${service.body}$`));
    expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBeUndefined();
  });
}

test("fr: from a page that has React, the router navigates to a procedure's page in place (its payload, not the lean page)", async ({ page }) => {
  const rsc: string[] = [];
  page.on("response", (r) => {
    if (r.request().headers()["rsc"] === "1") rsc.push(r.headers()["content-type"] ?? "");
  });
  await page.goto("/fr/services");
  await page.waitForLoadState("load");
  await page.evaluate(() => ((window as unknown as { __stay?: number }).__stay = 1));
  await page.locator(`a[href="/fr/services/${service.slug}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/fr/services/${service.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: service.title.fr })).toBeVisible();
  // Still the same document: a client navigation, which read Next's payload, not HTML.
  expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
  expect(rsc.length).toBeGreaterThan(0);
  for (const type of rsc) expect(type).toContain("text/x-component");
});

test("the same URL asked with the full-page header is Next's page (the bench's side by side), and a HEAD is lean too", async ({ request }) => {
  const full = await request.get(`/ar/services/${service.slug}`, { headers: { "x-idarti-full-page": "1" } });
  expect(full.headers()["x-idarti-lean"]).toBeUndefined();
  expect(await full.text()).toContain("__next_f");
  const lean = await request.get(`/ar/services/${service.slug}`);
  const html = await lean.text();
  expect(html).not.toContain("__next_f");
  expect(html.length * 2).toBeLessThan((await full.body()).length);
  expect((await request.head(`/ar/services/${service.slug}`)).headers()["x-idarti-lean"]).toBe("1");
  expect((await request.get("/ar/services/no-such-procedure")).status()).toBe(404);
});
