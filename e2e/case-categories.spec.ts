import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { getBody } from "../lib/catalogue/catalogue";
import { formatDate } from "../lib/i18n/format";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";

/**
 * Issue 20, case categories and service levels as content (docs/adr/0023): an administrator (fr)
 * gives Tunisie Télécom's "line fault" complaints 6 days instead of 3 and adds a municipal report
 * category → a second administrator (ar) reviews and publishes both → the citizen's complaint form
 * (ar) says 6 days, and the complaint filed is due in 6 days; the report form (fr) offers the new
 * category with its service level, and the report filed is due by it → the earlier versions are
 * restored and published: the form says 3 days again, the new category is gone, and the complaint
 * already filed keeps its 6 days (a service level applies to new cases only).
 */
const BODY = "tunisie-telecom";
/** Where the journey sends Tunisie Télécom's line faults for a while (no other journey files them). */
const ROUTED = "la-poste";
const LINE_FAULT = { ar: "عطب في الخط أو الإنترنت", fr: "Dérangement de ligne ou d'internet" };
// A new id each run: an id once published is never given to another category (the editor refuses it).
const suffix = Date.now().toString(36);
const added = { id: `sand-${suffix}`, ar: `تراكم الرمال ${suffix}`, fr: `Ensablement des rues ${suffix}`, en: `Sand on the streets ${suffix}` };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const inDays = (n: number, locale: "ar-TN" | "fr-TN") => formatDate(new Date(Date.now() + n * 86_400_000), locale, "date");

async function staff(browser: Browser, phone: string, lang: "ar" | "fr", returnTo: string): Promise<Page> {
  const context = await browser.newContext({ locale: lang === "ar" ? "ar-TN" : "fr-TN", timezoneId: "Africa/Tunis" });
  const page = await context.newPage();
  await signIn(page, { phone, locale: lang, returnTo });
  return page;
}

/** The reviewer (ar) opens a draft from the queue, sees the change in the diff and publishes it. */
async function publishFromQueue(reviewer: Page, title: string, diffShows: string) {
  await reviewer.goto("/ar/staff/content");
  await reviewer.getByRole("link", { name: `${ar.ContentEditing.review}: ${title}` }).first().click();
  await expect(reviewer.getByRole("region", { name: new RegExp(ar.ContentEditing.diffHeading.replace("{number}", "\\d+")) })).toContainText(diffShows);
  await reviewer.getByRole("button", { name: ar.ContentEditing.publish }).click();
  await expect(reviewer.getByText(ar.ContentEditing.outcomes.published)).toBeVisible();
}

/** The author restores the version published before the latest one (a new draft). */
async function restorePrevious(author: Page, path: string) {
  await author.goto(path);
  const archived = author.getByRole("row").filter({ hasText: fr.ContentEditing.statuses.archived }).first();
  await archived.getByRole("link").click();
  await author.getByRole("button", { name: fr.ContentEditing.restore }).click();
  await expect(author.getByText(fr.ContentEditing.outcomes.restored)).toBeVisible();
}

test("an administrator changes a complaint service level and adds a report category, a second one publishes, the citizen's forms and deadlines follow, a restore brings them back", async ({ browser }) => {
  test.setTimeout(480_000);
  const complaintTitle = { ar: `${ar.ContentEditing.kindOne["complaint-categories"]} — ${getBody(BODY)!.name.ar}`, fr: `${fr.ContentEditing.kindOne["complaint-categories"]} — ${getBody(BODY)!.name.fr}` };
  const reportTitle = { ar: `${ar.ContentEditing.kindOne["report-categories"]} — ${getBody("municipality")!.name.ar}`, fr: `${fr.ContentEditing.kindOne["report-categories"]} — ${getBody("municipality")!.name.fr}` };
  const complaintDoc = `/fr/staff/content/complaint-categories/${BODY}`;
  const reportDoc = "/fr/staff/content/report-categories/municipality";
  const f = fr.ContentEditing.fields;

  // The author (fr): Tunisie Télécom's "line fault" complaints, 6 days. The ids are shown, not editable.
  const author = await staff(browser, demoAccounts.admin, "fr", complaintDoc);
  await expect(author.getByRole("heading", { level: 1, name: complaintTitle.fr })).toBeVisible();
  await author.getByRole("link", { name: fr.ContentEditing.edit, exact: true }).click();
  const lineFault = author.getByRole("region", { name: `${f.complaintCategories} — ${fr.ContentEditing.item.replace("{n}", "2")}`, exact: true });
  await expect(lineFault.getByRole("group", { name: `${f.complaintCategories} › 2 › ${f.name}` }).getByLabel("Français")).toHaveValue(LINE_FAULT.fr);
  await expect(lineFault.getByText("line-fault", { exact: true })).toBeVisible();
  await expect(lineFault.getByRole("textbox", { name: new RegExp(`${escape(f.id)}$`) })).toHaveCount(0);
  await expectNoSeriousA11yIssues(author);
  await lineFault.getByLabel(`${f.complaintCategories} › 2 › ${f.serviceLevelDays}`).fill("6");
  // Sent to another body's queue: chosen among the bodies by name (none chosen until now).
  const routeTo = lineFault.getByLabel(`${f.complaintCategories} › 2 › ${f.routeTo}`);
  await expect(routeTo).toHaveValue("");
  await routeTo.selectOption({ label: getBody(ROUTED)!.name.fr });
  await author.getByRole("button", { name: fr.ContentEditing.saveDraft }).first().click();
  await expect(author.getByText(fr.ContentEditing.outcomes.saved)).toBeVisible();
  await expect(author.getByText(fr.ContentEditing.ownDraft)).toBeVisible();

  // The same author adds a municipal report category: an id of its own, names in three languages, 4 days.
  await author.goto(reportDoc);
  await author.getByRole("link", { name: fr.ContentEditing.edit, exact: true }).click();
  await author.getByRole("button", { name: fr.ContentEditing.addItem.replace("{list}", f.reportCategories) }).click();
  await expect(author).toHaveURL(/\/edit\?version=\d+$/);
  const items = author.getByRole("region", { name: new RegExp(`^${escape(f.reportCategories)} — `) });
  const n = await items.count();
  const item = items.nth(n - 1);
  const idField = item.getByRole("textbox", { name: `${f.reportCategories} › ${n} › ${f.id}` });
  // "waste" is taken: refused on the field, everything typed kept.
  await idField.fill("waste");
  const names = item.getByRole("group", { name: `${f.reportCategories} › ${n} › ${f.name}` });
  await names.getByLabel("العربية").fill(added.ar);
  await names.getByLabel("Français").fill(added.fr);
  await names.getByLabel("English").fill(added.en);
  await item.getByLabel(`${f.reportCategories} › ${n} › ${f.serviceLevelDays}`).fill("4");
  await author.getByRole("button", { name: fr.ContentEditing.saveDraft }).first().click();
  await expect(item.getByText(fr.ContentEditing.errors.duplicateId)).toBeVisible();
  await expect(names.getByLabel("Français")).toHaveValue(added.fr);
  await expectNoSeriousA11yIssues(author);
  await idField.fill(added.id);
  await author.getByRole("button", { name: fr.ContentEditing.saveDraft }).first().click();
  await expect(author.getByText(fr.ContentEditing.outcomes.saved)).toBeVisible();

  // A second administrator (ar) reviews and publishes both.
  const reviewer = await staff(browser, demoAccounts.adminContent, "ar", "/ar/staff/content");
  await expect(reviewer.getByRole("heading", { name: ar.ContentEditing.kinds["complaint-categories"] })).toBeVisible();
  await expectNoSeriousA11yIssues(reviewer);
  await publishFromQueue(reviewer, complaintTitle.ar, ar.ContentEditing.fields.serviceLevelDays);
  await expectNoSeriousA11yIssues(reviewer);
  await publishFromQueue(reviewer, reportTitle.ar, added.ar);

  // The citizen's complaint form (ar) says 6 days; the complaint filed is due in 6 days.
  const citizen = await staff(browser, uniquePhone(), "ar", `/ar/requests/complaint/new?body=${BODY}`);
  const choice = citizen.getByRole("radio", { name: LINE_FAULT.ar, exact: true });
  await expect(choice).toHaveAccessibleDescription(/6 أيام/);
  await choice.check();
  await citizen.getByLabel("صف ما حدث", { exact: true }).fill("انقطع الإنترنت في حيدرة منذ أمس ولم يأت أحد لإصلاحه.");
  await citizen.getByRole("button", { name: "مواصلة" }).click();
  await citizen.getByRole("button", { name: "إرسال الشكوى" }).click();
  await expect(citizen).toHaveURL(/\/ar\/my\/cases\/IDR-[^/]+\/sent$/);
  const complaintDue = ar.Requests.dueBy.replace("{date}", inDays(6, "ar-TN"));
  await expect(citizen.getByText(complaintDue).first()).toBeVisible();
  const complaintCase = citizen.url().replace(/\/sent$/, "");

  // The report form (fr) offers the new category with its service level; the report filed is due by it.
  const resident = await staff(browser, uniquePhone(), "fr", "/fr/requests/report/new");
  const category = resident.getByRole("radio", { name: added.fr, exact: true });
  await expect(category).toHaveAccessibleDescription(new RegExp(escape(fr.MunicipalReport.serviceLevel.replace(/\{days.*\}\./, "4 jours."))));
  await category.check();
  await resident.getByLabel(fr.MunicipalReport.form.governorate).selectOption("kasserine");
  await resident.getByLabel(fr.MunicipalReport.form.delegation).selectOption("haidra");
  await resident.getByLabel(fr.MunicipalReport.fields.description, { exact: true }).fill("Le sable couvre la rue principale après chaque tempête.");
  await resident.getByRole("radio", { name: fr.MunicipalReport.form.modePlace }).check();
  await resident.getByLabel(fr.MunicipalReport.form.place).fill("Rue principale, devant le marché");
  await resident.getByRole("button", { name: fr.Requests.continue }).click();
  await expect(resident.getByText(added.fr).first()).toBeVisible();
  await resident.getByRole("button", { name: new RegExp(`^(${escape(fr.MunicipalReport.send)}|${escape(fr.MunicipalReport.similar.sendAnyway)})$`) }).click();
  await expect(resident).toHaveURL(/\/fr\/my\/cases\/IDR-/);
  await expect(resident.getByText(fr.Requests.dueBy.replace("{date}", inDays(4, "fr-TN"))).first()).toBeVisible();
  const reportCase = resident.url().replace(/\/sent$/, "");

  // The earlier versions restored (new drafts) and published again.
  await restorePrevious(author, complaintDoc);
  await publishFromQueue(reviewer, complaintTitle.ar, ar.ContentEditing.fields.serviceLevelDays);
  await restorePrevious(author, reportDoc);
  await publishFromQueue(reviewer, reportTitle.ar, added.ar);

  // The form says 3 days again; the new category is gone; the complaint filed keeps its 6 days.
  await citizen.goto(`/ar/requests/complaint/new?body=${BODY}`);
  await expect(citizen.getByRole("radio", { name: LINE_FAULT.ar, exact: true })).toHaveAccessibleDescription(/3 أيام/);
  await citizen.goto(complaintCase);
  await expect(citizen.getByText(ar.Cases.deadline.dueBy.replace("{date}", inDays(6, "ar-TN"))).first()).toBeVisible();
  // It went to the queue its category named when it was filed, and stays there.
  await expect(citizen.getByText(getBody(ROUTED)!.name.ar, { exact: true }).first()).toBeVisible();
  await resident.goto("/fr/requests/report/new");
  await expect(resident.getByRole("radio", { name: fr.MunicipalReport.form.modePlace })).toBeVisible();
  await expect(resident.getByRole("radio", { name: added.fr })).toHaveCount(0);
  // The report filed under the category removed still shows the category's name, not its id.
  await resident.goto(reportCase);
  await expect(resident.getByText(added.fr).first()).toBeVisible();
  await expect(resident.getByText(added.id, { exact: true })).toHaveCount(0);
});
