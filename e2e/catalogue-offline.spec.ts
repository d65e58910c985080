import { expect, test, type Page } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { listServices } from "../lib/catalogue/catalogue";
import { listGovernorates, listHouses } from "../lib/houses/houses";
import ar from "../messages/ar.json";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

/**
 * Offline after one visit (issue 19 §2): the home page, the lessons' list, and — in the one-page
 * documents the worker keeps — a few checklists, "houses for" pages and governorates, each led to
 * its own section (lib/pwa/cache-policy.ts, onePageSectionFor).
 */
async function expectReadableOffline(page: Page, lang: "ar" | "fr", m: typeof ar) {
  for (const slug of ["building-permit", "pay-sonede-bill", "birth-certificate"].filter((s) => listServices().some((x) => x.slug === s))) {
    await page.goto(`/${lang}/services/${slug}/checklist`, { waitUntil: "load" });
    await expect(page).toHaveURL(new RegExp(`/${lang}/services/(all#${slug}-documents|${slug}/checklist)$`));
    await expect(page.locator(`[id="${slug}-documents"]`), `${slug}/checklist`).toBeInViewport();
    await page.goto(`/${lang}/houses/for/${slug}`, { waitUntil: "load" });
    await expect(page).toHaveURL(new RegExp(`/${lang}/(services/all#${slug}-where|houses/for/${slug})$`));
    await expect(page.locator(`[id="${slug}-where"]`), `houses/for/${slug}`).toBeInViewport();
  }
  for (const gov of listGovernorates().filter((g) => ["kasserine", "sfax", "tunis"].includes(g.id))) {
    await page.goto(`/${lang}/houses/governorates/${gov.id}`, { waitUntil: "load" });
    await expect(page).toHaveURL(new RegExp(`/${lang}/houses/governorates/(all#governorate-)?${gov.id}$`));
    const title = m.Houses.governorateTitle.replace("{governorate}", gov.name[lang]);
    await expect(page.getByRole("heading", { name: title, exact: true }), gov.id).toBeInViewport();
  }
  for (const [path, id] of [["services/bodies/steg", "body-steg"], ["services/categories/bills", "category-bills"]] as const) {
    await page.goto(`/${lang}/${path}`, { waitUntil: "load" });
    await expect(page).toHaveURL(new RegExp(`/${lang}/(${path.replace(/\/[^/]+$/, "")}/all#${id}|${path})$`));
    await expect(page.locator(`[id="${id}-title"]`), path).toBeInViewport();
  }
  for (const path of [`/${lang}`, `/${lang}/learn`]) {
    await page.goto(path, { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1 }), path).not.toHaveText(m.Offline.title);
    await expect(page.getByRole("heading", { level: 1, name: m.Errors.errorTitle })).toHaveCount(0);
  }
}

async function waitForWorker(page: Page) {
  // `ready` resolves while the worker may still be activating: wait for a controller too.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration("/");
    return !!reg?.active && reg.active.state === "activated" && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 30_000 });
}

test.describe("the catalogue offline", () => {
  test("after one visit of the catalogue home, every procedure and every house opens offline", async ({ page, context }) => {
    // 46 full page loads of the one-page catalogue: minutes on a busy 2-core machine.
    test.setTimeout(600_000);
    const noModuleHtml = await (await page.request.get("/ar/control")).text();
    await page.goto("/ar/services");
    await expect(page.getByRole("status").filter({ hasText: ar.Catalogue.offline.saved })).toBeVisible({ timeout: 60_000 });
    await waitForWorker(page);

    await context.setOffline(true);
    for (const service of listServices()) {
      await page.goto(`/ar/services/${service.slug}`, { waitUntil: "load" });
      // Its own page if it was kept, else its own section of the one-page catalogue.
      await expect(page).toHaveURL(new RegExp(`/ar/services/(all#service-)?${service.slug}$`));
      await expect(page.getByRole("heading", { name: service.title.ar, exact: true }), service.slug).toBeInViewport();
      await expect(page.getByRole("heading", { level: 1, name: ar.Errors.errorTitle })).toHaveCount(0);
    }
    for (const house of listHouses()) {
      await page.goto(`/ar/houses/${house.slug}`, { waitUntil: "load" });
      await expect(page).toHaveURL(new RegExp(`/ar/houses/(all#house-)?${house.slug}$`));
      await expect(page.getByRole("heading", { name: house.name.ar, exact: true }), house.slug).toBeInViewport();
      await expect(page.getByRole("heading", { level: 1, name: ar.Errors.errorTitle })).toHaveCount(0);
    }
    // The home page too (where an installed app opens), and no `nomodule` polyfill was kept:
    // a browser that runs a service worker never runs it.
    const kept = await page.evaluate(async () => (await (await caches.open("assets")).keys()).map((r) => new URL(r.url).pathname));
    // The polyfill's address from a page the framework serves (the pages visited here are lean, docs/adr/0021).
    const noModule = [...noModuleHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*\bnomodule\b/gi)].map((m) => m[1]!);
    expect(noModule.length, "the page carries a nomodule polyfill").toBeGreaterThan(0);
    for (const src of noModule) expect(kept, src).not.toContain(src);
    for (const path of ["/ar", "/ar/services", "/ar/houses", "/ar/houses/mobile-units", "/ar/life-events/moving-house"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), path).not.toHaveText(ar.Offline.title);
    }

    await expectReadableOffline(page, "ar", ar);

    // The search box answers offline too, from the index the worker kept.
    await page.goto("/ar/services");
    await page.getByRole("searchbox", { name: ar.Search.label }).fill("فاتورة الماء");
    await expect(
      page.getByRole("list", { name: ar.Search.liveResults }).getByRole("link", { name: listServices().find((s) => s.slug === "pay-sonede-bill")!.title.ar }),
    ).toBeVisible();

    // A page outside the one-page documents that was never opened still gets the offline page.
    await page.goto("/ar/houses/find?service=pay-steg-bill");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.Offline.title);
    await context.setOffline(false);
  });

  for (const lang of ["fr", "en"] as const) {
    const m = lang === "fr" ? fr : en;
    test(`${lang}: every procedure and house is kept, and a procedure opened on its own is served as itself`, async ({ page, context }) => {
      test.setTimeout(300_000);
      await page.goto(`/${lang}/services`);
      await expect(page.getByRole("status").filter({ hasText: m.Catalogue.offline.saved })).toBeVisible({ timeout: 60_000 });
      await waitForWorker(page);
      await page.goto(`/${lang}/services/building-permit`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await context.setOffline(true);

      // Every procedure and every house has its section in what the worker kept (the ar journey
      // above opens each address; here the kept pages are read, which is the same data).
      const kept = await page.evaluate(async (l) => {
        const read = async (url: string) => (await (await caches.match(url, { cacheName: "pages" }))?.text()) ?? "";
        return { services: await read(`/${l}/services/all`), houses: await read(`/${l}/houses/all`) };
      }, lang);
      for (const service of listServices()) expect(kept.services, service.slug).toContain(`id="service-${service.slug}"`);
      for (const house of listHouses()) expect(kept.houses, house.slug).toContain(`id="house-${house.slug}"`);

      await page.reload();
      await expect(page).toHaveURL(new RegExp(`/${lang}/services/building-permit$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(listServices().find((s) => s.slug === "building-permit")!.title[lang]);
      await page.goto(`/${lang}/services/pay-steg-bill`);
      await expect(page).toHaveURL(new RegExp(`/${lang}/services/all#service-pay-steg-bill$`));
      await expect(page.getByRole("heading", { name: listServices().find((s) => s.slug === "pay-steg-bill")!.title[lang], exact: true })).toBeInViewport();
      const house = listHouses().find((h) => h.slug === "haidra")!;
      await page.goto(`/${lang}/houses/haidra`);
      await expect(page).toHaveURL(new RegExp(`/${lang}/houses/(all#house-)?haidra$`));
      await expect(page.getByRole("heading", { name: house.name[lang], exact: true })).toBeInViewport();
      if (lang === "fr") await expectReadableOffline(page, "fr", fr as typeof ar);
      await context.setOffline(false);
    });
  }

  test("the offline download stays under 300 kB gzipped in every language", async ({ request }) => {
    // Pages and index, plus the scripts those pages load that the catalogue home did not
    // (the others are in the browser's HTTP cache already). Same count as scripts/measure-offline-catalogue.mjs.
    // As app/sw.ts keeps them: `nomodule` scripts are never run by a browser with a service worker.
    const scriptsOf = (html: string) =>
      new Set([...html.matchAll(/<script\b[^>]*>/g)].filter((m) => !/\snomodule\b/i.test(m[0])).flatMap((m) => /\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(m[0])?.[1] ?? []));
    const list = await (await request.get("/catalogue-data/offline-pages.json")).json();
    for (const lang of ["ar", "fr", "en"]) {
      const home = scriptsOf(await (await request.get(`/${lang}/services`)).text());
      const extra = new Set<string>();
      let total = 0;
      for (const url of [...list.pages[lang], ...list.data]) {
        const res = await request.get(url);
        expect(res.ok(), url).toBe(true);
        const body = await res.body();
        for (const s of scriptsOf(body.toString("utf8"))) if (!home.has(s)) extra.add(s);
        total += gzipSync(body).length;
      }
      for (const s of extra) total += gzipSync(await (await request.get(s)).body()).length;
      console.info(`offline catalogue (${lang}): ${(total / 1024).toFixed(1)} kB gzipped`);
      expect(total).toBeLessThan(300 * 1024);
    }
  });
});
