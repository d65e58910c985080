import { expect, test, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import { expectNoSeriousA11yIssues } from "./support/axe";
import { signIn, uniquePhone } from "./support/auth";

/**
 * The form kit (ADR 0018), as a citizen on a weak network meets it:
 * - the answers are checked on the phone, by the server's own schema and in the page's language:
 *   offline, a question with a missing subject shows the summary and queues nothing;
 * - "check your answers" goes through the outbox: offline there, "send" keeps the request on the
 *   phone under its key; back online it is filed, once, and its reference shown.
 */
const journeys = [
  { l: "ar" as const, m: ar, body: "steg" },
  { l: "fr" as const, m: fr, body: "cnam" },
];

/** What waits in this browser's outbox (IndexedDB): the queued items, not the drafts. */
async function queuedItems(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open("idarti-outbox");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("items")) return resolve([]);
          const req = db.transaction("items", "readonly").objectStore("items").getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => resolve([]);
        };
        open.onerror = () => resolve([]);
      }),
  );
}

for (const j of journeys) {
  test.describe(`the form kit (${j.l})`, () => {
    test("offline, a question with a missing answer is refused on the phone, in the page's language, and nothing is queued", async ({ page, context }) => {
      await signIn(page, { phone: uniquePhone(), locale: j.l, returnTo: `/${j.l}/questions/new` });
      await page.getByLabel(j.m.Question.fields.bodyId).selectOption(j.body);
      await page.getByLabel(j.m.Question.fields.question, { exact: true }).fill("?");
      await context.setOffline(true);
      await page.getByRole("button", { name: j.m.Question.submit }).click();

      const summary = page.getByRole("alert").filter({ hasText: j.m.Errors.summaryTitle });
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: j.m.Question.errors.subjectRequired })).toBeVisible();
      await expect(summary.getByRole("link", { name: j.m.Question.errors.questionTooShort })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`^${j.m.A11y.errorTitlePrefix}`));
      // Nothing the citizen typed was lost, and nothing invalid waits to be sent.
      await expect(page.getByLabel(j.m.Question.fields.bodyId)).toHaveValue(j.body);
      await expect(page.getByLabel(j.m.Question.fields.question, { exact: true })).toHaveValue("?");
      expect(await queuedItems(page)).toHaveLength(0);
      await expect(page.getByText(j.m.Outbox.queuedTitle)).toHaveCount(0);

      // The link takes the citizen to the field; fixed, the field's error goes as they type.
      await summary.getByRole("link", { name: j.m.Question.errors.subjectRequired }).click();
      await expect(page.getByLabel(j.m.Question.fields.subject, { exact: true })).toBeFocused();
      await page.getByLabel(j.m.Question.fields.subject, { exact: true }).fill("Horaires");
      await expect(page.locator("#subject-error")).toHaveCount(0);
      await expectNoSeriousA11yIssues(page);
    });

    test("offline at check your answers, send keeps the request on the phone; back online it is filed once", async ({ page, context }) => {
      test.setTimeout(120_000);
      await signIn(page, { phone: uniquePhone(), locale: j.l, returnTo: `/${j.l}/requests/suggestion/new` });
      await page.getByLabel(j.m.Suggestion.bodyQuestion).selectOption(j.body);
      const words = `${j.l}: Ouvrir le guichet le samedi matin pour les travailleurs.`;
      await page.getByLabel(j.m.Suggestion.fields.description, { exact: true }).fill(words);
      await page.getByRole("button", { name: j.m.Requests.continue }).click();
      await expect(page.getByRole("heading", { level: 1, name: j.m.Requests.check.title })).toBeVisible();
      await expect(page.getByText(words)).toBeVisible();

      await context.setOffline(true);
      await page.getByRole("button", { name: j.m.Suggestion.submit }).click();
      await expect(page.locator("[data-outbox=queued]").getByText(j.m.Outbox.queuedTitle, { exact: true })).toBeVisible();
      expect(await queuedItems(page)).toHaveLength(1);
      await expectNoSeriousA11yIssues(page);

      await context.setOffline(false);
      const sent = page.locator("[data-outbox=sent]");
      await expect(sent.getByText(j.m.Outbox.sentTitle, { exact: true })).toBeVisible({ timeout: 20_000 });
      const reference = (await page.locator("[data-outbox=sent] bdi").textContent())!.trim();
      expect(reference).toMatch(/^IDR-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      expect(await queuedItems(page)).toHaveLength(0);

      // Sent again by hand (the back button, a second tab): the same case, not a second one.
      await page.reload();
      await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/${reference}/sent`));
      await page.goto(`/${j.l}/my`);
      await expect(page.locator("main li").filter({ hasText: reference })).toHaveCount(1);
    });
  });
}
