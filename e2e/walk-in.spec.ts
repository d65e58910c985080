import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { smsCode } from "./support/sms";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";

/**
 * An agent at the Haidra service house files a complaint for a citizen at the counter (the
 * citizen confirms their phone with an SMS code) and finds it in the house's queue; the body's official hands the case to
 * e-people; the citizen signs in and reads both in the timeline.
 */
async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: "Africa/Tunis" });
  return context.newPage();
}


const texts = {
  ar: {
    queue: "إيداع مطلب لفائدة مواطن بالشباك",
    phone: "رقم الهاتف الجوال للمواطن",
    send: "أرسل الرمز إلى المواطن",
    codeStep: "الرمز الذي تلقاه المواطن",
    code: "الرمز",
    check: "تحقق من الرمز",
    ready: "شكوى المواطن",
    body: "الشركة التونسية للكهرباء والغاز",
    continue: "مواصلة",
    category: "ما موضوع الشكوى؟",
    categoryValue: "billing",
    description: "صف ما حدث",
    file: "أودع الشكوى لفائدة المواطن",
    filed: "أُودعت الشكوى في ملف المواطن",
    wrong: "ليس هذا الرمز المرسل",
    filedAt: "أُودع في دار الخدمات الرقمية ببلدية حيدرة من قبل عون، لفائدة المواطن",
    epeople: "مرجع e-people EP-2026-0457",
    houseFilter: "الملفات المودعة في دار الخدمات التي أعمل بها فقط",
    apply: "عرض",
    houseCase: "أُودع هذا الملف في دار الخدمات التي تعمل بها",
  },
  fr: {
    queue: "Déposer pour un citoyen au guichet",
    phone: "Le numéro de mobile du citoyen",
    send: "Envoyer le code au citoyen",
    codeStep: "Le code reçu par le citoyen",
    code: "Code",
    check: "Vérifier le code",
    ready: "La réclamation du citoyen",
    body: "Société Tunisienne de l'Électricité et du Gaz",
    continue: "Continuer",
    category: "De quoi s'agit-il ?",
    categoryValue: "billing",
    description: "Décrivez ce qui s'est passé",
    file: "Déposer la réclamation pour le citoyen",
    filed: "La réclamation est déposée dans le dossier du citoyen",
    wrong: "Ce n'est pas le code envoyé",
    filedAt: "Déposée à Maison de services numérique de la commune de Haïdra par un agent, pour le citoyen",
    epeople: "référence e-people EP-2026-0457",
    houseFilter: "Seulement les dossiers déposés à ma maison de services",
    apply: "Afficher",
    houseCase: "Ce dossier a été déposé à votre maison de services",
  },
};

for (const l of ["ar", "fr"] as const) {
  const t = texts[l];
  test(`an agent files for a walk-in citizen; the body hands it to e-people; the citizen sees both (${l})`, async ({ page, browser }) => {
    test.setTimeout(120_000); // three people sign in
    const started = Date.now();
    const citizenPhone = uniquePhone();
    await signIn(page, { phone: demoAccounts.agent, locale: l, returnTo: `/${l}/staff` });
    await page.getByRole("link", { name: t.queue }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.queue })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(t.phone).fill(citizenPhone);
    await page.getByRole("button", { name: t.send }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.codeStep })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    const code = await smsCode(page, citizenPhone, "walk-in");

    // A wrong code is refused with the tries left; the right one opens the form.
    await page.getByLabel(t.code, { exact: true }).fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: t.check }).click();
    await expect(page.getByText(t.wrong).first()).toBeVisible();
    await page.getByLabel(t.code, { exact: true }).fill(code);
    await page.getByRole("button", { name: t.check }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.ready })).toBeVisible();
    await page.getByLabel(t.body).check();
    await page.getByRole("button", { name: t.continue }).click();
    await page.getByLabel(t.category).selectOption(t.categoryValue);
    await page.getByLabel(t.description).fill("فاتورة شهر فيفري احتسبت الاستهلاك مرتين / facture comptée deux fois.");
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: t.file }).click();
    const status = page.getByRole("status").filter({ hasText: t.filed });
    await expect(status).toBeVisible();
    const reference = (await status.locator("bdi").first().textContent())!.trim();
    expect(reference).toMatch(/^IDR-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    console.info(`walk-in filing (${l}): ${Date.now() - started} ms`);
    await expectNoSeriousA11yIssues(page);

    // The agent (of the municipality) still follows it from their queue: it was filed at their house.
    await page.goto(`/${l}/staff`);
    // By keyboard, as an agent at the counter would: on a phone-sized screen the wide queue
    // table lets the emulated page scroll sideways in Arabic, where a pointer click can miss.
    await page.getByLabel(t.houseFilter).focus();
    await page.keyboard.press("Space");
    await expect(page.getByLabel(t.houseFilter)).toBeChecked();
    await page.getByRole("button", { name: t.apply }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/house=1/);
    await expect(page.getByLabel(t.houseFilter)).toBeChecked();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("link", { name: reference }).click();
    await expect(page.getByText(t.houseCase)).toBeVisible();
    await page.context().close();

    // The body's official forwards it to e-people with its reference.
    const staff = await newPage(browser, "fr-TN");
    await signIn(staff, { phone: demoAccounts.officialRegional, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
    await staff.getByRole("button", { name: "Me l'attribuer" }).click();
    await expect(staff.getByText("Ce dossier vous est attribué.")).toBeVisible();
    await staff.goto("/fr/staff?status=open&kind=complaint&mine=1");
    await expect(staff.getByRole("link", { name: reference })).toBeVisible();
    await expectNoSeriousA11yIssues(staff);
    await staff.goto(`/fr/staff/cases/${reference}`);
    await staff.getByLabel("Référence e-people").fill("EP-2026-0457");
    await staff.locator("#forward-message").fill("Transmise au bureau des relations avec le citoyen (e-people).");
    await staff.getByRole("button", { name: "Transmise à e-people" }).click();
    await expect(staff.getByText("référence e-people EP-2026-0457")).toBeVisible();
    await staff.context().close();

    // The citizen signs in with that phone: the case is theirs, and the timeline tells both.
    const citizen = await newPage(browser, l === "ar" ? "ar-TN" : "fr-TN");
    await signIn(citizen, { phone: citizenPhone, locale: l, returnTo: `/${l}/my/cases/${reference}` });
    await expect(citizen.getByText(t.filedAt)).toBeVisible();
    await expect(citizen.getByText(t.epeople)).toBeVisible();
    await expectNoSeriousA11yIssues(citizen);
    await citizen.context().close();
  });
}
