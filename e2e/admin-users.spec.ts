import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";

test.describe("administrators manage staff accounts", () => {
  // Each journey signs in two people through the real pages: more than the default minute on a busy machine.
  test.describe.configure({ timeout: 150_000 });

  test("fr: an admin creates an agent, who signs in and reaches the work queue; the admin disables the account", async ({ page, browser }) => {
    await signIn(page, { phone: demoAccounts.admin, locale: "fr", returnTo: "/fr/staff/admin/users" });
    await expect(page.getByRole("heading", { level: 1, name: "Comptes du personnel et des bénévoles" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Agent Haidra/ })).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    // An agent needs a body: the form says so, on the field and in the summary, and keeps what was typed.
    const phone = uniquePhone();
    // Its own name: a retry runs on the same database, beside the first attempt's account.
    const name = `Nour Agent ${phone.slice(-4)}`;
    const typed = `${phone.slice(4, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`;
    await page.getByLabel("Numéro de mobile").fill(typed);
    await page.getByLabel("Nom complet").fill(name);
    await page.getByRole("radio", { name: "Interlocuteur unique" }).check();
    await page.getByRole("radio", { name: "Français" }).check();
    await page.getByRole("button", { name: "Créer le compte" }).click();
    const bodyMessage = "Saisissez l'organisme public de cet agent ou responsable";
    await expect(page.locator("#bodyId-error")).toContainText(bodyMessage);
    await expect(page.locator("[data-error-summary]").getByRole("link", { name: bodyMessage })).toHaveAttribute("href", "#bodyId");
    await expect(page.getByLabel("Nom complet")).toHaveValue(name);
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel("Organisme public").selectOption("steg");
    await page.getByLabel("Maison de services").selectOption("haidra");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await expect(page.getByText(`Le compte de ${name} a été créé.`)).toBeVisible();
    await page.reload();
    const row = page.getByRole("row", { name: name });
    await expect(row).toContainText("STEG");
    await expect(row).toContainText("Haïdra");
    await expect(row).toContainText("Interlocuteur unique");
    await expect(row).toContainText("Actif");

    // Moved to another house: the account's own page, the kit's form, audited.
    await row.getByRole("link", { name: /Modifier/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Modifier un compte" })).toBeVisible();
    // The account's id, for reading its story in the audit log at the end.
    const userId = /\/staff\/admin\/users\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Maison de services")).toHaveValue("haidra");
    await page.getByLabel("Organisme public").selectOption("");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.locator("#bodyId-error")).toContainText(bodyMessage);
    await page.getByLabel("Organisme public").selectOption("steg");
    await page.getByLabel("Maison de services").selectOption("demo-sousse");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByText("Les modifications ont été enregistrées.")).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("link", { name: "Retour aux comptes" }).click();
    await expect(page.getByRole("row", { name: name })).toContainText("Sousse");

    // The same number again, typed another way: refused on the phone field.
    await page.getByLabel("Numéro de mobile").fill(phone);
    await page.getByLabel("Nom complet").fill("Encore");
    await page.getByRole("radio", { name: "Bénévole" }).check();
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await expect(page.locator("#phone-error")).toContainText("Ce numéro a déjà un compte");

    // The new agent signs in: no first-time questions, the account page shows the role.
    const other = await browser.newContext({ locale: "fr-TN" });
    const agent = await other.newPage();
    await signIn(agent, { phone, locale: "fr", returnTo: "/fr/staff", reuse: false });
    await expect(agent).toHaveURL(/\/fr\/staff$/);
    await expect(agent.getByRole("heading", { level: 1, name: "File de travail" })).toBeVisible();
    // The name is the one the administrator gave (the helper would have typed another on a first-time page).
    await agent.goto("/fr/account");
    await expect(agent.getByRole("main").getByText("Interlocuteur unique", { exact: true })).toBeVisible();
    await expect(agent.getByLabel("Nom complet")).toHaveValue(name);

    // Disabled: signed out at once, everywhere.
    await page.getByRole("row", { name: name }).getByRole("button", { name: /Désactiver/ }).click();
    await expect(page.getByText("Le compte a été désactivé et déconnecté de tous les appareils.")).toBeVisible();
    await expect(page.getByRole("row", { name: name })).toContainText("Désactivé");
    await agent.goto("/fr/staff");
    await expect(agent).toHaveURL(/\/fr\/sign-in/);
    await other.close();

    // The audit log tells this account's story, reached from the staff home's administration links.
    await page.goto("/fr/staff");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Journal d'audit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Journal d'audit" })).toBeVisible();
    await page.getByLabel("Domaine").selectOption("users");
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/area=users/);
    // This account's disabling is listed (other journeys disable accounts of their own beside it).
    await expect(page.getByRole("row").filter({ has: page.locator("code", { hasText: /^users\.disable$/ }) }).filter({ hasText: userId })).toHaveCount(1);
    await page.getByLabel("Domaine").selectOption("");
    await page.getByLabel("Personne ou objet").fill(userId);
    await page.getByRole("button", { name: "Afficher" }).click();
    // The filtered page, not the one before it (reading rows does not wait for the navigation).
    await expect(page).toHaveURL(new RegExp(`subject=${userId}`));
    await expect(page.locator("tbody th[scope=row] code").first()).toHaveText("users.disable");
    // Newest first: disabled by the administrator, the agent's own sign-in, created by the administrator.
    const actions = (await page.locator("tbody th[scope=row] code").allTextContents()).map((a) => a.trim());
    expect(actions.indexOf("users.disable")).toBe(0);
    expect(actions.indexOf("auth.signIn")).toBeGreaterThan(0);
    expect(actions.indexOf("users.update")).toBeGreaterThan(actions.indexOf("auth.signIn"));
    expect(actions.indexOf("users.create")).toBeGreaterThan(actions.indexOf("users.update"));
    await expect(page.getByRole("row").filter({ hasText: "users.update" })).toContainText("haidra → demo-sousse");
    await expect(page.getByRole("row").filter({ hasText: "auth.signIn" })).toContainText(name);
    await expect(page.getByRole("row").filter({ hasText: "users.create" })).toContainText("مدير المنصة");
    await expectNoSeriousA11yIssues(page);
  });

  test("ar: the page does not exist for anyone but an administrator", async ({ page, browser }) => {
    await page.goto("/ar/staff/admin/users");
    await expect(page).toHaveURL(/\/ar\/sign-in\?returnTo=%2Far%2Fstaff%2Fadmin%2Fusers/);
    await signIn(page, { phone: demoAccounts.citizenAr, locale: "ar" });
    const res = await page.goto("/ar/staff/admin/users");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "الصفحة غير موجودة" })).toBeVisible();

    // The same page for an administrator, in Arabic (right to left).
    const context = await browser.newContext({ locale: "ar-TN" });
    const admin = await context.newPage();
    await signIn(admin, { phone: demoAccounts.admin, locale: "ar", returnTo: "/ar/staff/admin/users" });
    await expect(admin.getByRole("heading", { level: 1, name: "حسابات الأعوان والمتطوعين" })).toBeVisible();
    await expect(admin.getByRole("row", { name: /Agent Haidra/ })).toContainText("المخاطب الوحيد");
    // Nothing spills past the screen: the wide table scrolls inside its own region.
    expect(await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await admin.getByRole("button", { name: "إنشاء الحساب" }).click();
    await expect(admin.locator("#phone-error")).toContainText("أدخل رقم الهاتف الجوال للشخص");
    await expect(admin.locator("#name-error")).toContainText("أدخل الاسم الكامل للشخص");
    await expectNoSeriousA11yIssues(admin);
    await context.close();
  });
});
