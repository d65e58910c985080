import { expect, test } from "./support/csp";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";
import { getService } from "../lib/catalogue/catalogue";
import { getLesson } from "../lib/learning/lessons";

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

/** A wall-clock time in Tunis (UTC+1 all year) as an instant. */
const tunis = (iso: string) => new Date(`${iso}:00+01:00`);

/** Goes to a public page and checks it came lean: its header, no framework, only enhancement scripts. */
async function leanVisit(page: Page, path: string): Promise<string[]> {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  const response = await page.goto(path);
  expect(response?.headers()["x-idarti-lean"], path).toBe("1");
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => "__next_f" in self || "TURBOPACK" in globalThis)).toBe(false);
  for (const src of scripts) expect(src).toMatch(/^\/enhance\/[a-z-]+\.js$/);
  return scripts;
}

const LESSON = "online-safety";
/**
 * A page that gets the framework's page of lean URLs (lib/lean/routes.ts FULL_PAGE_HEADER), with
 * this device's storage, and no service worker (it would answer with the lean page it kept).
 */
async function fullPages(browser: Browser, context: BrowserContext): Promise<Page> {
  const full = await browser.newContext({ storageState: await context.storageState(), serviceWorkers: "block", extraHTTPHeaders: { "x-idarti-full-page": "1" } });
  return full.newPage();
}

for (const [lang, m, locale] of [["ar", ar, "ar"], ["fr", fr, "fr"]] as const) {
  test(`${lang}: a house and the mobile units are lean: open now and the next visits worked out on the device`, async ({ page, context, browser }) => {
    // Monday 4 January 2027, 10:00 in Tunis: Haidra is open until 12:30; the unit is at Thala today.
    await page.clock.setFixedTime(tunis("2027-01-04T10:00"));
    const scripts = await leanVisit(page, `/${lang}/houses/haidra`);
    expect(scripts).toContain("/enhance/open-now.js");
    await expect(page.getByRole("status").filter({ hasText: m.Houses.live.openUntil.replace("{time}", "12:30") })).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    await page.clock.setFixedTime(tunis("2027-01-04T13:00"));
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: m.Houses.live.opensToday.replace("{time}", "13:30") })).toBeVisible();

    await page.clock.setFixedTime(tunis("2027-01-04T10:00"));
    expect(await leanVisit(page, `/${lang}/houses/mobile-units`)).toContain("/enhance/tour-table.js");
    const tour = page.getByRole("table", { name: m.Houses.tourHeading }).first();
    await expect(tour.getByRole("columnheader", { name: m.Houses.nextVisit })).toBeVisible();
    const thala = tour.getByRole("row", { name: new RegExp(locale === "ar" ? "تالة" : "Thala") });
    await expect(thala).toContainText(m.Houses.live.visitToday.replace("{from}", "09:00").replace("{to}", "13:00"));
    await expectNoSeriousA11yIssues(page);

    // The framework's page (what a client navigation gets) runs the same functions from its React leaves.
    const full = await fullPages(browser, context);
    await full.clock.setFixedTime(tunis("2027-01-04T10:00"));
    expect((await full.goto(`/${lang}/houses/mobile-units`))?.headers()["x-idarti-lean"]).toBeUndefined();
    await expect(full.getByRole("table", { name: m.Houses.tourHeading }).first().getByRole("row", { name: new RegExp(locale === "ar" ? "تالة" : "Thala") })).toContainText(m.Houses.live.visitToday.replace("{from}", "09:00").replace("{to}", "13:00"));
    expect((await full.goto(`/${lang}/houses/haidra`))?.headers()["x-idarti-lean"]).toBeUndefined();
    await expect(full.getByRole("status").filter({ hasText: m.Houses.live.openUntil.replace("{time}", "12:30") })).toBeVisible();
    await full.context().close();
  });

  test(`${lang}: the houses page is lean, and "near me" lists the nearest houses from the device's position`, async ({ page, context }) => {
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 35.55, longitude: 8.6 });
    expect(await leanVisit(page, `/${lang}/houses`)).toContain("/enhance/near-me.js");
    await page.getByRole("button", { name: m.Houses.nearMeButton }).click();
    const region = page.getByRole("region", { name: m.Houses.nearMeHeading });
    await expect(region.getByRole("heading", { name: m.Houses.nearMeResults })).toBeVisible();
    await expect(region.getByRole("listitem")).toHaveCount(5);
    await expect(region.getByRole("listitem").first().getByRole("link")).toHaveAttribute("href", `/${lang}/houses/haidra`);
    await expectNoSeriousA11yIssues(page);
  });

  test(`${lang}: the catalogue home is lean: results as you type from the index, and the catalogue kept for offline reading`, async ({ page }) => {
    const scripts = await leanVisit(page, `/${lang}/services`);
    expect(scripts).toEqual(expect.arrayContaining(["/enhance/search-box.js", "/enhance/offline-save.js"]));
    await expect(page.getByRole("status").filter({ hasText: m.Catalogue.offline.saved })).toBeVisible({ timeout: 60_000 });
    await page.getByRole("searchbox", { name: m.Search.label }).fill(lang === "ar" ? "فاتورة الكهرباء" : "facture electricite");
    const live = page.getByRole("list", { name: m.Search.liveResults });
    await expect(live.getByRole("link", { name: getService("pay-steg-bill")!.title[locale] })).toBeVisible();
    await expect(live.getByRole("link", { name: getService("pay-steg-bill")!.title[locale] })).toHaveAttribute("href", `/${lang}/services/pay-steg-bill`);
    await expectNoSeriousA11yIssues(page);
  });

  test(`${lang}: the lessons list is lean and marks a lesson finished on this device`, async ({ page, context, browser }) => {
    const lesson = getLesson(LESSON, locale === "ar" ? "ar-TN" : "fr-TN")!;
    const other = getLesson("internet-basics", locale === "ar" ? "ar-TN" : "fr-TN")!;
    expect(await leanVisit(page, `/${lang}/learn`)).toContain("/enhance/lesson-done.js");
    const item = (title: string) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await expect(item(lesson.title).getByText(m.LessonQuiz.doneBadge)).toBeHidden();

    // Finish the lesson (its page is lean too: the quiz's enhancement keeps the score), every answer right.
    await leanVisit(page, `/${lang}/learn/${LESSON}`);
    for (const q of lesson.questions) {
      await page.getByRole("group", { name: q.prompt }).getByRole("radio", { name: q.choices.find((c) => c.correct)!.text }).check();
    }
    await page.getByRole("button", { name: m.LessonQuiz.check }).click();
    await expect(page.getByText(m.LessonQuiz.done)).toBeVisible();

    await leanVisit(page, `/${lang}/learn`);
    await expect(item(lesson.title).getByText(m.LessonQuiz.doneBadge)).toBeVisible();
    await expect(item(other.title).getByText(m.LessonQuiz.doneBadge)).toBeHidden();
    const full = await fullPages(browser, context);
    expect((await full.goto(`/${lang}/learn`))?.headers()["x-idarti-lean"]).toBeUndefined();
    const fullItem = (title: string) => full.getByRole("listitem").filter({ has: full.getByRole("link", { name: title, exact: true }) });
    await expect(fullItem(lesson.title).getByText(m.LessonQuiz.doneBadge)).toBeVisible();
    await expect(fullItem(other.title).getByText(m.LessonQuiz.doneBadge)).toBeHidden();
    await full.context().close();
  });
}

/** A stand-in speech synthesis with one voice in `lang` (headless Chromium has none): what it is asked to say. */
async function fakeVoice(page: Page, lang: string) {
  await page.addInitScript((l) => {
    const said: string[] = [];
    const voice = { lang: l === "ar" ? "ar-SA" : "fr-FR", name: "test", default: true, localService: true, voiceURI: "test" };
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => [voice],
      speak: (u: { text: string }) => said.push(u.text),
      cancel: () => undefined,
    });
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    Object.defineProperty(window, "SpeechSynthesisUtterance", {
      value: class {
        text: string;
        constructor(text: string) {
          this.text = text;
        }
      },
      configurable: true,
    });
    (window as unknown as { __said: string[] }).__said = said;
  }, lang);
}

for (const [lang, m, locale] of [["ar", ar, "ar"], ["fr", fr, "fr"]] as const) {
  test(`${lang}: a lesson's page is lean: its questions answer at once and "read aloud" reads it, as on the framework's page`, async ({ page, context, browser }) => {
    const lesson = getLesson(LESSON, locale === "ar" ? "ar-TN" : "fr-TN")!;
    const [q0, q1] = lesson.questions;
    const right = (q: typeof q0) => q!.choices.find((c) => c.correct)!;
    const wrong = (q: typeof q0) => q!.choices.find((c) => !c.correct)!;
    await fakeVoice(page, lang);
    const scripts = await leanVisit(page, `/${lang}/learn/${LESSON}`);
    expect(scripts).toEqual(expect.arrayContaining(["/enhance/lesson-quiz.js", "/enhance/read-aloud.js"]));
    await expect(page.getByRole("heading", { level: 1, name: lesson.title })).toBeVisible();

    const read = page.getByRole("button", { name: m.LessonQuiz.readAloud });
    await expect(read).toHaveAttribute("aria-pressed", "false");
    await read.click();
    const stop = page.getByRole("button", { name: m.LessonQuiz.stopReading });
    await expect(stop).toHaveAttribute("aria-pressed", "true");
    expect((await page.evaluate(() => (window as unknown as { __said: string[] }).__said))[0]).toContain(lesson.title);
    await stop.click();
    await expect(page.getByRole("button", { name: m.LessonQuiz.readAloud })).toHaveAttribute("aria-pressed", "false");

    await page.getByRole("group", { name: q0!.prompt }).getByRole("radio", { name: wrong(q0).text }).check();
    await expect(page.getByTestId("feedback-0")).toContainText(`${m.LessonQuiz.wrong} ${wrong(q0).feedback}`);
    await page.getByRole("group", { name: q0!.prompt }).getByRole("radio", { name: right(q0).text }).check();
    await expect(page.getByTestId("feedback-0")).toContainText(`${m.LessonQuiz.right} ${right(q0).feedback}`);
    await expect(page.getByTestId("feedback-1")).toBeEmpty();
    // Checking stays on the page: the unanswered question says so, then the score.
    await page.getByRole("button", { name: m.LessonQuiz.check }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/learn/${LESSON}$`));
    await expect(page.getByTestId("feedback-1")).toContainText(m.LessonQuiz.unanswered);
    await page.getByRole("group", { name: q1!.prompt }).getByRole("radio", { name: right(q1).text }).check();
    await expect(page.getByText(m.LessonQuiz.done)).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem("idarti.learn.progress"))).toContain(LESSON);
    await expectNoSeriousA11yIssues(page);

    // The framework's page (a client navigation's) runs the same functions from its React leaves.
    const full = await fullPages(browser, context);
    await fakeVoice(full, lang);
    expect((await full.goto(`/${lang}/learn/${LESSON}`))?.headers()["x-idarti-lean"]).toBeUndefined();
    await full.getByRole("group", { name: q0!.prompt }).getByRole("radio", { name: wrong(q0).text }).check();
    await expect(full.getByTestId("feedback-0")).toContainText(`${m.LessonQuiz.wrong} ${wrong(q0).feedback}`);
    await full.getByRole("button", { name: m.LessonQuiz.readAloud }).click();
    await expect(full.getByRole("button", { name: m.LessonQuiz.stopReading })).toHaveAttribute("aria-pressed", "true");
    await full.context().close();
  });
}

test("fr: from a page that has React, the router navigates to a procedure's page in place (its payload, not the lean page)", async ({ page }) => {
  const rsc: string[] = [];
  page.on("response", (r) => {
    if (r.request().headers()["rsc"] === "1") rsc.push(r.headers()["content-type"] ?? "");
  });
  // The search results page is rendered per query by the framework (never lean): React and its router run there.
  const start = await page.goto("/fr/services/search?q=facture%20electricite");
  expect(start?.headers()["x-idarti-lean"]).toBeUndefined();
  await page.waitForLoadState("load");
  await page.evaluate(() => ((window as unknown as { __stay?: number }).__stay = 1));
  await page.locator(`main a[href="/fr/services/${service.slug}"]`).first().click();
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
