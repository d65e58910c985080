import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { getLesson } from "../lib/learning/lessons";
import ar from "../messages/ar.json";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

/**
 * Issue 18, lessons and help: a lesson's questions answer right and wrong with and without
 * JavaScript, the lesson opens again offline, "Need help?" leads to the help page, and the new
 * pages pass axe in three languages and fit 360 px without sideways scrolling.
 */
const SLUG = "online-safety";
const arLesson = getLesson(SLUG, "ar-TN")!;
const frLesson = getLesson(SLUG, "fr-TN")!;
const right = (q: (typeof arLesson.questions)[number]) => q.choices.find((c) => c.correct)!;
const wrong = (q: (typeof arLesson.questions)[number]) => q.choices.find((c) => !c.correct)!;

async function waitForWorker(page: Page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration("/");
    return !!reg?.active && reg.active.state === "activated" && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 30_000 });
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), page.url()).toBeLessThanOrEqual(0);
}

test.describe("lessons", () => {
  test("an Arabic lesson's questions give feedback at once, the lesson is remembered, and it opens again offline", async ({ page, context }) => {
    await page.goto(`/ar/learn/${SLUG}`);
    await expect(page.getByRole("heading", { level: 1, name: arLesson.title })).toBeVisible();
    await expect(page.getByRole("img", { name: arLesson.illustration.alt })).toBeVisible();
    const [q0, q1] = arLesson.questions;
    const first = page.getByRole("group", { name: q0!.prompt });
    await first.getByRole("radio", { name: wrong(q0!).text }).check();
    await expect(page.getByTestId("feedback-0")).toContainText(ar.LessonQuiz.wrong);
    await expect(page.getByTestId("feedback-0")).toContainText(wrong(q0!).feedback);
    await first.getByRole("radio", { name: right(q0!).text }).check();
    await expect(page.getByTestId("feedback-0")).toContainText(ar.LessonQuiz.right);
    await page.getByRole("group", { name: q1!.prompt }).getByRole("radio", { name: right(q1!).text }).check();
    await expect(page.getByTestId("feedback-1")).toContainText(right(q1!).feedback);
    // With JavaScript, checking stays on the page (no trip to the answers page).
    await page.getByRole("button", { name: ar.LessonQuiz.check }).click();
    await expect(page).toHaveURL(new RegExp(`/ar/learn/${SLUG}$`));
    await expect(page.getByText(ar.LessonQuiz.done)).toBeVisible();
    await page.goto("/ar/learn");
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: arLesson.title, exact: true }) }).getByText(ar.LessonQuiz.doneBadge)).toBeVisible();

    // Offline after one visit: the worker keeps the lesson page.
    await page.goto(`/ar/learn/${SLUG}`);
    await waitForWorker(page);
    await page.reload();
    await context.setOffline(true);
    await page.goto(`/ar/learn/${SLUG}`);
    await expect(page.getByRole("heading", { level: 1, name: arLesson.title })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(ar.Offline.title);
    await page.getByRole("group", { name: q0!.prompt }).getByRole("radio", { name: wrong(q0!).text }).check();
    await expect(page.getByTestId("feedback-0")).toContainText(ar.LessonQuiz.wrong);
    await context.setOffline(false);
  });

  test("without JavaScript, a French lesson's questions are checked on the answers page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/fr/learn/${SLUG}`);
    await expect(page.getByRole("button", { name: fr.LessonQuiz.readAloud })).toHaveCount(0);
    const [q0, q1] = frLesson.questions;
    await page.getByRole("group", { name: q0!.prompt }).getByRole("radio", { name: right(q0!).text }).check();
    await page.getByRole("group", { name: q1!.prompt }).getByRole("radio", { name: wrong(q1!).text }).check();
    await page.getByRole("button", { name: fr.LessonQuiz.check }).click();
    await expect(page).toHaveURL(new RegExp(`/fr/learn/${SLUG}/answers\\?q0=\\d&q1=\\d$`));
    await expect(page.getByTestId("feedback-0")).toContainText(`${fr.LessonQuiz.right} ${right(q0!).feedback}`);
    await expect(page.getByTestId("feedback-1")).toContainText(`${fr.LessonQuiz.wrong} ${wrong(q1!).feedback}`);
    await expect(page.getByText("1 bonne réponse sur 2.")).toBeVisible();
    // The answers stay chosen, to correct one and check again.
    await expect(page.getByRole("group", { name: q1!.prompt }).getByRole("radio", { name: wrong(q1!).text })).toBeChecked();
    await page.getByRole("group", { name: q1!.prompt }).getByRole("radio", { name: right(q1!).text }).check();
    await page.getByRole("button", { name: fr.LessonQuiz.check }).click();
    await expect(page.getByTestId("feedback-1")).toContainText(fr.LessonQuiz.right);
    await expect(page.getByText(fr.LessonQuiz.done)).toBeVisible();
    await page.getByRole("link", { name: fr.Lessons.backToLesson }).click();
    await expect(page.getByRole("heading", { level: 1, name: frLesson.title })).toBeVisible();
    await context.close();
  });

  test("a lesson links to its real journey, and the journey back to the lesson", async ({ page }) => {
    const lesson = getLesson("file-a-complaint", "fr-TN")!;
    await page.goto("/fr/learn/file-a-complaint");
    const toJourney = page.getByRole("link", { name: fr.Lessons.journeyLink.replace("{title}", lesson.title) });
    await expect(toJourney).toHaveAttribute("href", "/fr/requests/complaint/new");
  });

  test("the home page's \"Need help?\" leads to the help page (ar), and the header links to it (fr)", async ({ page }) => {
    await page.goto("/ar");
    await page.getByRole("region", { name: ar.Home.helpHeading }).getByRole("link", { name: ar.Home.helpLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: ar.Help.title })).toBeVisible();
    await expect(page.getByRole("link", { name: "77 486 040" })).toHaveAttribute("href", "tel:+21677486040");
    await page.goto("/fr/services");
    await page.getByRole("banner").getByRole("link", { name: fr.Shell.help, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: fr.Help.title })).toBeVisible();
    await page.getByRole("link", { name: fr.Help.a11yLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: fr.Accessibility.title })).toBeVisible();
  });

  for (const [prefix, m] of [["ar", ar], ["fr", fr], ["en", en]] as const) {
    test(`axe and 360 px on the new pages (${prefix})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 360, height: 800 });
      for (const path of ["/learn", `/learn/${SLUG}`, `/learn/${SLUG}/answers?q0=0&q1=1`, "/learn/ask-for-information", "/help", "/accessibility"]) {
        await page.goto(`/${prefix}${path}`);
        await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(m.Errors.errorTitle);
        await expectNoSeriousA11yIssues(page);
        await noSidewaysScroll(page);
      }
    });
  }
});
