import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone, type LocalePrefix } from "./support/auth";

/**
 * Each municipality its own office (issue 17): a report filed in one town reaches that town's
 * municipal agent and not another town's (404 on its page, absent from the queue); a place that
 * could be in several towns is asked of the citizen, nothing typed lost; the admin's page places
 * what is left on "the municipality" in general.
 */
const messages = { ar, fr } as const;
const sfaxAgent = demoAccounts.municipalAgentSfax;
const haidraAgent = demoAccounts.agent;

async function newPage(browser: Browser, locale: "ar-TN" | "fr-TN"): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: "Africa/Tunis" });
  return context.newPage();
}

async function fileReport(page: Page, l: LocalePrefix & keyof typeof messages, where: { governorate: string; delegation: string }, description: string, ask?: string) {
  const m = messages[l];
  const t = m.MunicipalReport;
  await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/report/new` });
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await page.getByRole("radio", { name: { ar: "رفع الفضلات", fr: "Collecte des déchets" }[l] }).check();
  await page.getByLabel(t.form.governorate).selectOption(where.governorate);
  await page.getByLabel(t.form.delegation).selectOption(where.delegation);
  await page.getByRole("radio", { name: t.form.modePlace }).check();
  await page.getByLabel(t.form.place).fill(l === "ar" ? "قرب السوق الأسبوعية" : "Derrière le marché hebdomadaire");
  await page.getByLabel(t.fields.description, { exact: true }).fill(description);
  await page.getByRole("button", { name: m.Requests.continue }).click();
  if (ask) {
    // The place could be in several towns: asked on the municipality's field, the answers kept.
    await expect(page.getByRole("alert").filter({ hasText: m.Municipalities.errors.ask }).first()).toBeVisible();
    await expect(page.getByLabel(t.fields.description, { exact: true })).toHaveValue(description);
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(m.Municipalities.field, { exact: true }).selectOption(ask);
    await page.getByRole("button", { name: m.Requests.continue }).click();
  }
  await expect(page.getByRole("heading", { name: t.check.heading })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^(${t.send}|${t.similar.sendAnyway})$`) }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/my/cases/IDR-`));
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

/** Staff of the case's town open it; another town's agent gets a 404 and does not see it in the queue. */
async function checkScope(browser: Browser, l: LocalePrefix & keyof typeof messages, reference: string, own: string, other: string) {
  const m = messages[l];
  const mine = await newPage(browser, l === "ar" ? "ar-TN" : "fr-TN");
  await signIn(mine, { phone: own, locale: l, returnTo: `/${l}/staff/cases/${reference}` });
  await expect(mine.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(mine.getByText(reference).first()).toBeVisible();
  await mine.goto(`/${l}/staff?kind=municipal-report`);
  await expect(mine.getByRole("link", { name: reference })).toBeVisible();
  await mine.context().close();

  const theirs = await newPage(browser, l === "ar" ? "ar-TN" : "fr-TN");
  await signIn(theirs, { phone: other, locale: l, returnTo: `/${l}/staff` });
  const res = await theirs.goto(`/${l}/staff/cases/${reference}`);
  expect(res?.status()).toBe(404);
  await theirs.goto(`/${l}/staff?status=all&kind=municipal-report`);
  await expect(theirs.getByRole("heading", { level: 1, name: m.StaffQueue.title })).toBeVisible();
  await expect(theirs.getByRole("link", { name: reference })).toHaveCount(0);
  await theirs.context().close();
}

test("a report in Sfax reaches the municipality of Sfax, not Haïdra's agent (ar)", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser, "ar-TN");
  const reference = await fileReport(page, "ar", { governorate: "sfax", delegation: "sfax-ville" }, "حاويات الفضلات لم تُرفع منذ أسبوع في مدينة صفاقس.");
  // The citizen reads where it went, in their language.
  await expect(page.getByText("بلدية صفاقس").first()).toBeVisible();
  await page.context().close();
  await checkScope(browser, "ar", reference, sfaxAgent, haidraAgent);
});

test("a report in a delegation of several towns is asked, then reaches Haïdra's agent, not Sfax's (fr)", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser, "fr-TN");
  const reference = await fileReport(page, "fr", { governorate: "kasserine", delegation: "foussana" }, "Les poubelles ne sont plus ramassées depuis une semaine à Foussana.", "municipality-haidra");
  await expect(page.getByText("Commune de Haïdra").first()).toBeVisible();
  await page.context().close();
  await checkScope(browser, "fr", reference, haidraAgent, sfaxAgent);
});

test("the admin places a municipal account without a town (ar page, then fr)", async ({ page }) => {
  test.setTimeout(90_000);
  const a = ar.Municipalities.admin;
  await signIn(page, { phone: demoAccounts.admin, locale: "ar", returnTo: "/ar/staff" });
  await page.getByRole("link", { name: a.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: a.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(a.casesHeading) })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  // The demo account without a town (seed): sent without a choice, the field says so.
  const select = page.getByLabel(/بلدية .*Agent municipal sans ville/);
  await expect(select).toBeVisible();
  const row = page.getByRole("row").filter({ has: select });
  await row.getByRole("button", { name: a.give }).click();
  await expect(page.getByRole("alert").filter({ hasText: ar.Municipalities.errors.unknown }).first()).toBeVisible();

  const f = fr.Municipalities.admin;
  await page.goto("/fr/staff/admin/municipalities");
  const frSelect = page.getByLabel(/Commune de .*Agent municipal sans ville/);
  await frSelect.selectOption("municipality-thala");
  await page.getByRole("row").filter({ has: frSelect }).getByRole("button", { name: f.give }).click();
  await expect(page.getByText(f.given)).toBeVisible();
  await expect(page.getByLabel(/Commune de .*Agent municipal sans ville/)).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
});
