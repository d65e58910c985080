import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { smsCode } from "./support/sms";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { baseURL } from "../playwright.config";

/**
 * A volunteer guides a citizen (issue 18): the volunteer opens a session, the citizen consents
 * with the code sent to their phone, the volunteer follows each step of the complaint with its
 * explanation, the volunteer's own attempts to send (the page's server action and the API, with
 * the volunteer's cookie) are refused, the citizen sends it themselves, the case says who helped
 * and where, the citizen sees the session in their file and ends it. Another volunteer gets 404.
 */
async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: "Africa/Tunis" });
  return context.newPage();
}

async function noHorizontalScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const texts = {
  ar: {
    home: "صفحة المتطوّع",
    phone: "رقم جوّال المواطن",
    start: "إرسال الرمز",
    consent: "قبل أن نبدأ: موافقتك",
    code: "الرمز الذي وصلك في إرسالية قصيرة",
    agree: "أوافق، ابدأ الجلسة",
    follow: "أين وصل المواطن",
    explain: "اشرح لي هذه الصفحة",
    stepBody: "إلى من توجَّه الشكوى",
    stepDescribe: "وصف المشكل",
    stepCheck: "راجع إجاباتك",
    body: "الشركة التونسية للكهرباء والغاز",
    continue: "مواصلة",
    category: "الفوترة",
    description: "صف ما حدث",
    checkTitle: "تثبّت من إجاباتك قبل الإرسال",
    submit: "إرسال الشكوى",
    refused: "لا يمكن لحساب متطوّع أن يرسل أو يدفع أو يحجز",
    helped: "أُرسل بمساعدة المتطوّع",
    house: "حيدرة",
    sessions: "جلسات الإرشاد",
    endMine: "إنهاء هذه الجلسة",
    ended: "انتهت",
    over: "انتهت هذه الجلسة",
  },
  fr: {
    home: "Accueil du bénévole",
    phone: "Le numéro de mobile du citoyen",
    start: "Envoyer le code",
    consent: "Avant de commencer : votre consentement",
    code: "Le code reçu par SMS",
    agree: "J'accepte, commencer la séance",
    follow: "Où en est le citoyen",
    explain: "Expliquer cette page",
    stepBody: "À qui s'adresse la réclamation",
    stepDescribe: "Décrire le problème",
    stepCheck: "Vérifier vos réponses",
    body: "Société Tunisienne de l'Électricité et du Gaz",
    continue: "Continuer",
    category: "Facturation",
    description: "Décrivez ce qui s'est passé",
    checkTitle: "Vérifiez vos réponses avant d'envoyer",
    submit: "Envoyer la réclamation",
    refused: "Le compte d'un bénévole ne peut ni envoyer, ni payer, ni réserver",
    helped: "Envoyée avec l'aide du bénévole",
    house: "Haïdra",
    sessions: "Séances d'accompagnement",
    endMine: "Terminer cette séance",
    ended: "Terminée",
    over: "Cette séance est terminée",
  },
};

test.beforeEach(() => {
  test.setTimeout(240_000); // three people sign in with real codes
});

for (const l of ["ar", "fr"] as const) {
  const t = texts[l];
  test(`a volunteer guides a citizen through a complaint; only the citizen can send it (${l})`, async ({ page, browser }) => {
    const citizenPhone = uniquePhone();
    // The citizen, on their own phone (or the corner's screen), signed in as themselves.
    const citizen = await newPage(browser, l === "ar" ? "ar-TN" : "fr-TN");
    await signIn(citizen, { phone: citizenPhone, locale: l, returnTo: `/${l}/my`, name: "Salma Citoyenne" });

    // The volunteer lands on their home, not on a 404; the menu has no link to a citizen's file.
    const volunteer = page;
    await signIn(volunteer, { phone: demoAccounts.volunteer, locale: l, returnTo: `/${l}/volunteer` });
    await expect(volunteer.getByRole("heading", { level: 1, name: t.home })).toBeVisible();
    await expect(volunteer.locator(`header a[href="/${l}/my"]`)).toHaveCount(0);
    await expectNoSeriousA11yIssues(volunteer);
    await noHorizontalScroll(volunteer);

    // The citizen types their number; the code goes to their phone; the consent screen says what the volunteer sees.
    await volunteer.getByLabel(t.phone).fill(citizenPhone);
    await volunteer.getByRole("button", { name: t.start }).click();
    await expect(volunteer.getByRole("heading", { level: 2, name: t.consent })).toBeVisible();
    await expectNoSeriousA11yIssues(volunteer);
    await noHorizontalScroll(volunteer);
    const sessionUrl = volunteer.url();
    // Before the consent, another volunteer's account (the interpreter's) gets 404 on it.
    const other = await newPage(browser, "fr-TN");
    await signIn(other, { phone: demoAccounts.interpreter, locale: "fr", returnTo: "/fr/volunteer" });
    expect((await other.goto(new URL(sessionUrl).pathname))?.status()).toBe(404);
    const code = await smsCode(volunteer, citizenPhone, "guidance");
    await volunteer.getByLabel(t.code).fill(code);
    await volunteer.getByRole("button", { name: t.agree }).click();
    await expect(volunteer.getByRole("heading", { level: 2, name: t.follow })).toBeVisible();
    await expectNoSeriousA11yIssues(volunteer);
    await noHorizontalScroll(volunteer);
    const step = volunteer.getByTestId("citizen-step");
    const followed = async (title: string) => {
      await expect(async () => {
        await volunteer.reload();
        await expect(step).toContainText(title, { timeout: 1000 });
      }).toPass({ timeout: 20_000 });
    };

    // The citizen drives; the explanation of each step is open (the volunteer switched it on), and the volunteer follows.
    await citizen.goto(`/${l}/requests/complaint/new`);
    await expect(citizen.getByText(t.explain)).toBeVisible();
    await expect(citizen.locator("details[open]").filter({ hasText: t.explain })).toHaveCount(1);
    await expectNoSeriousA11yIssues(citizen);
    await noHorizontalScroll(citizen);
    await followed(t.stepBody);
    await citizen.getByLabel(t.body).check();
    await citizen.getByRole("button", { name: t.continue }).click();
    await expect(citizen.locator("details[open]").filter({ hasText: t.explain })).toHaveCount(1);
    await followed(t.stepDescribe);
    await citizen.getByLabel(t.category, { exact: true }).check();
    await citizen.getByLabel(t.description, { exact: true }).fill("La facture de février compte la consommation deux fois.");
    await citizen.getByRole("button", { name: t.continue }).click();
    await expect(citizen.getByRole("heading", { level: 1, name: t.checkTitle })).toBeVisible();
    await expect(citizen.locator("details[open]").filter({ hasText: t.explain })).toHaveCount(1);
    await followed(t.stepCheck);
    // The citizen's draft is not the volunteer's to open.
    expect((await volunteer.request.get(new URL(citizen.url()).pathname)).status()).toBe(404);

    // The volunteer's own attempt to send, with their cookie: the very server action the citizen's
    // button posts (caught on its way and replayed from the volunteer's browser), then the API.
    let replayed: { status: number; body: string } | null = null;
    await citizen.route(/\/requests\/check\//, async (route) => {
      const request = route.request();
      const headers = request.headers();
      if (request.method() !== "POST" || !headers["next-action"] || replayed) return route.continue();
      const res = await volunteer.request.fetch(request.url(), {
        method: "POST",
        headers: { "next-action": headers["next-action"], "next-router-state-tree": headers["next-router-state-tree"] ?? "", "content-type": headers["content-type"] ?? "", accept: "text/x-component", origin: baseURL },
        data: request.postDataBuffer() ?? undefined,
      });
      replayed = { status: res.status(), body: await res.text() };
      return route.continue();
    });
    const api = await volunteer.request.post("/api/v1/submissions", {
      headers: { "idempotency-key": `guidance-e2e-${Date.now()}-${l}`, origin: baseURL },
      data: { kind: "complaint", payload: { bodyId: "steg", category: "billing", description: "Envoyée par le bénévole." } },
    });
    expect(api.status()).toBe(403);
    // In the volunteer's own language (the demo volunteer's account is in Arabic).
    const refusal = ((await api.json()) as { error: { key: string; message: string } }).error;
    expect(refusal.key).toBe("Guidance.errors.volunteerCannotAct");
    expect(refusal.message).toContain(texts.ar.refused);

    // The citizen confirms, themselves.
    await citizen.getByRole("button", { name: t.submit }).click();
    await expect(citizen).toHaveURL(new RegExp(`/${l}/my/cases/IDR-[^/]+/sent$`));
    expect(replayed, "the volunteer's replay of the citizen's action").not.toBeNull();
    expect(replayed!.body).toContain(t.refused);
    expect(replayed!.body).not.toMatch(/IDR-\d{2}-/);
    const reference = decodeURIComponent(new URL(citizen.url()).pathname.split("/").at(-2)!);

    // The case says who helped and where; the volunteer still cannot open it.
    await citizen.goto(`/${l}/my/cases/${reference}`);
    await expect(citizen.getByTestId("case-guidance")).toContainText(t.helped);
    await expect(citizen.getByTestId("case-guidance")).toContainText(t.house);
    await expectNoSeriousA11yIssues(citizen);
    expect((await volunteer.goto(`/${l}/my/cases/${reference}`))?.status()).toBe(404);
    // While the session runs, the volunteer sees the request in the citizen's list.
    await volunteer.goto(sessionUrl);
    await expect(volunteer.getByText(reference)).toBeVisible();

    // The citizen sees the session in their file and ends it: the volunteer sees nothing any more.
    await citizen.goto(`/${l}/my`);
    const session = citizen.getByTestId("guidance-session").first();
    await expect(citizen.getByRole("heading", { level: 2, name: t.sessions })).toBeVisible();
    await expectNoSeriousA11yIssues(citizen);
    await noHorizontalScroll(citizen);
    await session.getByRole("button", { name: t.endMine }).click();
    await expect(citizen.getByTestId("guidance-session").first()).toContainText(t.ended);
    await volunteer.goto(sessionUrl);
    await expect(volunteer.getByText(t.over)).toBeVisible();
    await expect(volunteer.getByText(reference)).toHaveCount(0);
    // After it, a filing of the citizen records no volunteer: the explanation is closed again.
    await citizen.goto(`/${l}/requests/complaint/new`);
    await expect(citizen.locator("details[open]").filter({ hasText: t.explain })).toHaveCount(0);
    await other.context().close();
    await citizen.context().close();
  });
}

test("the volunteer's pages and the explanations, in English (axe, 360 px)", async ({ page }) => {
  await signIn(page, { phone: demoAccounts.volunteer, locale: "en", returnTo: "/en/volunteer" });
  await expect(page.getByRole("heading", { level: 1, name: "Volunteer's home" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await noHorizontalScroll(page);
  await page.getByLabel("The citizen's mobile number").fill(uniquePhone());
  await page.getByRole("button", { name: "Send the code" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Before we start: your consent" })).toBeVisible();
  await expect(page.getByText("send, pay or book in your name")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await noHorizontalScroll(page);
  // Anyone, on their own: "explain this page", closed until asked, no JavaScript needed.
  const citizen = uniquePhone();
  await page.context().clearCookies();
  await signIn(page, { phone: citizen, locale: "en", returnTo: "/en/pay" });
  const details = page.locator("details").filter({ hasText: "Explain this page" });
  await expect(details).not.toHaveAttribute("open");
  await details.locator("summary").click();
  await expect(details.getByText("What to have ready")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await noHorizontalScroll(page);
  // The interpreter reaches their agenda from their home.
  await page.context().clearCookies();
  await signIn(page, { phone: demoAccounts.interpreter, locale: "en", returnTo: "/en/volunteer" });
  await page.getByRole("main").getByRole("link", { name: "My interpreting agenda" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/agenda/);
});
