import { gzipSync } from "node:zlib";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { setServerClock } from "./support/clock";

/**
 * The requests kinds end to end: a complaint from a service page to its confirmation (online and
 * offline), a suggestion with a photo, an information request through its legal deadline to the ready-made appeal (with the
 * server clock moved), a redirection that restarts the clock, a staff resolution, the citizen's
 * rating and reopening, and the 404 for anyone else.
 */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "ar-TN", timezoneId: "Africa/Tunis" });
  return context.newPage();
}

const tn = (s: string) => new Date(`${s}+01:00`);

/** The gzipped JS a page's HTML loads (the figure the bench gives for public routes). */
async function gzippedJs(page: Page, path: string): Promise<number> {
  const html = await (await page.request.get(path)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of srcs) total += gzipSync(await (await page.request.get(src)).body()).length;
  return total;
}

const flow = {
  ar: { continue: "مواصلة", check: "تثبّت من إجاباتك قبل الإرسال", change: "تغيير" },
  fr: { continue: "Continuer", check: "Vérifiez vos réponses avant d'envoyer", change: "Modifier" },
};

/** Continue → check your answers (checked by axe when asked) → send → the confirmation page; returns the reference. */
async function sendThroughCheck(page: Page, l: "ar" | "fr", submit: string, opts: { axe?: boolean } = {}): Promise<string> {
  await page.getByRole("button", { name: flow[l].continue }).click();
  await expect(page.getByRole("heading", { level: 1, name: flow[l].check })).toBeVisible();
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByRole("button", { name: submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/my/cases/IDR-[^/]+/sent$`));
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-2)!);
}

// A 4×4 PNG: a photo as far as the server's checks go (it is re-encoded on the way in).
const photo = { name: "facture.png", mimeType: "image/png", buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4w8AARwgWXg4AWIMMwVLWc8oAAAAASUVORK5CYII=", "base64") };

// Several people sign in through real SMS codes in each journey.
test.beforeEach(() => {
  test.setTimeout(240_000);
});

const complaint = {
  ar: {
    title: "تقديم شكوى",
    body: "الشركة التونسية للكهرباء والغاز",
    document: "ما الوثيقة التي طُلبت منك؟",
    description: "صف ما حدث",
    submit: "إرسال الشكوى",
    category: "الفوترة",
    sent: "مرجعك هو",
    queued: "محفوظ في هاتفك، لم يُرسل بعد",
    next: "ماذا بعد",
    due: "الإجابة منتظرة في أجل أقصاه",
    service: "طلب ربط مسكن بشبكة الكهرباء",
    limits: /5 ملفات.*10 ميغابايت.*PDF حتى 5 ميغابايت/,
    attach: "صور أو وثائق (اختياري)",
  },
  fr: {
    title: "Faire une réclamation",
    body: "Société Tunisienne de l'Électricité et du Gaz",
    document: "Quel document vous a-t-on demandé ?",
    description: "Décrivez ce qui s'est passé",
    submit: "Envoyer la réclamation",
    category: "Facturation",
    sent: "Votre référence est",
    queued: "Enregistré sur votre téléphone, pas encore envoyé",
    next: "Et ensuite",
    due: "Réponse attendue au plus tard le",
    service: "Demander le branchement d'un logement à l'électricité",
    limits: /5 fichiers.*10 Mo.*PDF de 5 Mo/,
    attach: "Photos ou documents (facultatif)",
  },
};

for (const l of ["ar", "fr"] as const) {
  const t = complaint[l];
  test(`a complaint with a photo from a service page, through check your answers to its confirmation (${l})`, async ({ page }) => {
    const from = `/${l}/requests/complaint/new?service=steg-new-connection&reason=document-not-listed&version=1&body=steg`;
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: from });
    const started = Date.now();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByText(t.service)).toBeVisible();
    // The limits are said before a file is chosen.
    await expect(page.getByLabel(t.attach)).toHaveAccessibleDescription(t.limits);
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(t.document).fill("Certificat de résidence / شهادة إقامة");
    await page.getByLabel(t.description, { exact: true }).fill("Au guichet de Kasserine on m'a demandé un certificat.");
    await page.getByLabel(t.attach).setInputFiles(photo);
    await page.getByRole("button", { name: flow[l].continue }).click();
    await expect(page.getByRole("heading", { level: 1, name: flow[l].check })).toBeVisible();
    await expect(page.getByText("facture")).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    // Change an answer: back to the form with every answer kept.
    await page.getByRole("link", { name: `${flow[l].change} ${t.description}` }).click();
    await expect(page.getByLabel(t.description, { exact: true })).toHaveValue("Au guichet de Kasserine on m'a demandé un certificat.");
    await expect(page.getByLabel(t.document)).toHaveValue("Certificat de résidence / شهادة إقامة");
    await page.getByLabel(t.description, { exact: true }).fill("Au guichet de Kasserine on m'a demandé un certificat de résidence pour un branchement.");
    const reference = await sendThroughCheck(page, l, t.submit);
    await expect(page.getByRole("status").filter({ hasText: reference })).toBeVisible();
    await expect(page.getByRole("status").locator("bdi")).toHaveText(reference);
    await expect(page.getByRole("heading", { name: t.next })).toBeVisible();
    await expect(page.getByText(t.due).first()).toBeVisible();
    console.info(`time to file a complaint (${l}): ${Date.now() - started} ms`);
    if (l === "ar") {
      const form = await gzippedJs(page, "/ar/requests/complaint/new?body=steg");
      const control = await gzippedJs(page, "/ar/control");
      console.info(`gzipped JS: complaint form ${(form / 1024).toFixed(1)} kB, control ${(control / 1024).toFixed(1)} kB (+${((form - control) / 1024).toFixed(1)} kB)`);
    }
    await expectNoSeriousA11yIssues(page);

    // The case page lists the photo, and the photo opens.
    await page.goto(`/${l}/my/cases/${reference}`);
    const file = page.getByRole("link", { name: /facture/ });
    await expect(file).toBeVisible();
    const res = await page.request.get((await file.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(res.headers()["cache-control"]).toContain("no-store");

    // Anyone else is told it does not exist.
    const other = await newPage(page.context().browser()!);
    await signIn(other, { phone: uniquePhone(), locale: l });
    const denied = await other.goto(`/${l}/my/cases/${reference}`);
    expect(denied?.status()).toBe(404);
    await other.context().close();
  });
}

for (const l of ["ar", "fr"] as const) {
  test(`a complaint written offline waits on the phone and is sent when the network returns (${l})`, async ({ page, context }) => {
    const t = complaint[l];
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/complaint/new` });
    // The first question: which body (its own page).
    await expect(page.getByLabel(t.body)).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(t.body).check();
    await page.getByRole("button", { name: flow[l].continue }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await page.getByLabel(t.category, { exact: true }).check();
    await page.getByLabel(t.description, { exact: true }).fill("فاتورة شهر فيفري احتسبت الاستهلاك مرتين / facture de février comptée deux fois.");
    await context.setOffline(true);
    await page.getByRole("button", { name: flow[l].continue }).click();
    await expect(page.getByText(t.queued)).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await context.setOffline(false);
    await expect(page.getByText(t.sent)).toBeVisible();
  });
}

test("a suggestion with a photo, from the requests page, through check your answers; the photo opens from the case (ar)", async ({ page }) => {
  await signIn(page, { phone: uniquePhone(), locale: "ar", returnTo: "/ar/requests" });
  await expect(page.getByRole("heading", { level: 1, name: "الشكاوى والمقترحات والمطالب" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: "تقديم مقترح" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "تقديم مقترح" })).toBeVisible();
  // The same attachments field as the complaint's: its limits said before a file is chosen.
  await expect(page.getByLabel(complaint.ar.attach)).toHaveAccessibleDescription(complaint.ar.limits);
  await expectNoSeriousA11yIssues(page);
  await page.getByLabel("بأي هيكل يتعلق مقترحك؟").selectOption("sonede");
  await page.getByLabel("مقترحك", { exact: true }).fill("تعليق مواعيد انقطاع الماء بالشباك وعلى الموقع.");
  await page.getByLabel(complaint.ar.attach).setInputFiles(photo);
  await page.getByRole("button", { name: flow.ar.continue }).click();
  await expect(page.getByRole("heading", { level: 1, name: flow.ar.check })).toBeVisible();
  await expect(page.getByRole("link", { name: "facture" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("button", { name: "إرسال المقترح" }).click();
  await expect(page).toHaveURL(/\/ar\/my\/cases\/IDR-[^/]+\/sent$/);
  const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-2)!);
  await page.goto(`/ar/my/cases/${reference}`);
  const file = page.getByRole("link", { name: /facture/ });
  await expect(file).toBeVisible();
  expect((await page.request.get((await file.getAttribute("href"))!)).status()).toBe(200);
});

test.describe("an information request under law 2016-22", () => {
  test.afterEach(async ({ request }) => {
    await setServerClock(request, null);
  });

  test("deadline shown → clock moved past it → silence is a refusal → the ready-made appeal (fr)", async ({ page, request, browser }) => {
    await setServerClock(request, tn("2026-03-02T09:00:00"));
    const phone = uniquePhone();
    await signIn(page, { phone, locale: "fr", returnTo: "/fr/requests/information/new" });
    await expect(page.getByRole("heading", { level: 1, name: "Demander une information (loi 2016-22)" })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel("Une personne (nom complet et adresse)").check();
    await page.getByLabel("Nom", { exact: true }).fill("Amina Ben Salah");
    await page.getByLabel("Adresse", { exact: true }).fill("12 rue de la République, Haïdra");
    await page.getByLabel("Organisme", { exact: true }).selectOption("steg");
    await page.getByLabel("L'information demandée").fill("Le nombre de coupures d'électricité à Haïdra en 2025, par mois.");
    await page.getByLabel("Une copie électronique").check();
    const sentRef = await sendThroughCheck(page, "fr", "Envoyer la demande", { axe: true });
    await page.goto(`/fr/my/cases/${sentRef}`);
    const url = page.url();
    await expect(page.getByText("L'organisme doit répondre au plus tard le 22 mars 2026")).toBeVisible();
    await expect(page.getByText("20 jours restants")).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    await setServerClock(request, tn("2026-03-23T10:00:00"));
    // Three weeks later the session has expired, as it would for a real person.
    await signIn(page, { phone, locale: "fr", returnTo: new URL(url).pathname, reuse: false });
    await expect(page.getByText("ce silence vaut refus")).toBeVisible();
    await expect(page.getByText("Délai dépassé", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Recours auprès du chef de l'organisme" })).toBeVisible();
    await expect(page.getByLabel("Votre recours (prêt à envoyer ; vous pouvez le modifier)")).toHaveValue(/loi organique 2016-22/);
    await expectNoSeriousA11yIssues(page);
    // The overdue sweep (run by the dispatcher, on the moved clock) tells the citizen in their inbox.
    await expect
      .poll(
        async () => {
          await page.goto("/fr/my/inbox");
          return page.getByText(`Pas de réponse dans le délai pour ${sentRef}`).count();
        },
        { timeout: 60_000, intervals: [2_000, 5_000] },
      )
      .toBeGreaterThan(0);
    await page.goto(url);
    await page.getByRole("button", { name: "Envoyer le recours" }).click();
    await expect(page.getByText("Recours auprès du chef de l'organisme").first()).toBeVisible();
    await expect(page.getByText("L'organisme doit répondre au plus tard le 2 avril 2026")).toBeVisible();

    // Staff of another body cannot open it.
    const other = await newPage(browser);
    await signIn(other, { phone: demoAccounts.officialCentral, locale: "fr" });
    const res = await other.goto(url.replace("/my/cases/", "/staff/cases/"));
    expect(res?.status()).toBe(404);
    await other.context().close();
  });

  test("not competent: the body redirects it within 5 days and the clock starts again at the competent body (ar)", async ({ page, request, browser }) => {
    await setServerClock(request, tn("2026-03-02T09:00:00"));
    const phone = uniquePhone();
    await signIn(page, { phone, locale: "ar", returnTo: "/ar/requests/information/new" });
    await page.getByLabel("شخص طبيعي (الاسم الكامل والعنوان)").check();
    await page.getByLabel("الاسم", { exact: true }).fill("كريم الحيدري");
    await page.getByLabel("العنوان", { exact: true }).fill("نهج الجمهورية، حيدرة");
    await page.getByLabel("الهيكل", { exact: true }).selectOption("steg");
    await page.getByLabel("المعلومة المطلوبة").fill("كمية المياه الموزعة في حيدرة سنة 2025.");
    await page.getByLabel("نسخة إلكترونية").check();
    const reference = await sendThroughCheck(page, "ar", "إرسال المطلب");

    await setServerClock(request, tn("2026-03-05T11:00:00"));
    const staff = await newPage(browser);
    await signIn(staff, { phone: demoAccounts.officialRegional, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
    await expect(staff.getByText("transmission possible jusqu'au 7 mars 2026")).toBeVisible();
    await expectNoSeriousA11yIssues(staff);
    await staff.getByLabel("Transmettre à l'organisme compétent").selectOption("sonede");
    await staff.locator("#redirect-message").fill("Cette information est détenue par la SONEDE.");
    await staff.getByRole("button", { name: "Non compétent : transmettre" }).click();
    await expect(staff).toHaveURL(/\/fr\/staff\?done=redirected/);
    const res = await staff.goto(`/fr/staff/cases/${reference}`);
    expect(res?.status()).toBe(404); // no longer this body's case
    await staff.context().close();

    await signIn(page, { phone, locale: "ar", returnTo: `/ar/my/cases/${reference}`, reuse: false });
    await expect(page.getByText("أحيل إلى").first()).toBeVisible();
    await expect(page.getByText("على الهيكل الإجابة في أجل أقصاه 25 مارس 2026")).toBeVisible();
  });
});

test("staff resolve a complaint; the citizen is notified, rates the answer and reopens it within 30 days (fr)", async ({ page, browser }) => {
  await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/requests/complaint/new?body=steg" });
  await page.getByLabel("Coupure d'électricité ou de gaz", { exact: true }).check();
  await page.getByLabel("Décrivez ce qui s'est passé", { exact: true }).fill("Coupure depuis hier soir rue Ibn Khaldoun, Haïdra.");
  const reference = await sendThroughCheck(page, "fr", "Envoyer la réclamation");

  const staff = await newPage(browser);
  await signIn(staff, { phone: demoAccounts.officialRegional, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
  await staff.locator("#to-resolved-message").fill("La ligne a été réparée ce matin.");
  await staff.getByRole("button", { name: "Marquer résolue" }).click();
  await expect(staff.getByText("État modifié.")).toBeVisible();
  await staff.context().close();

  await page.goto("/fr/my/inbox");
  await expect(page.getByText(reference).first()).toBeVisible();
  await page.goto(`/fr/my/cases/${reference}`);
  await expect(page.getByText("La ligne a été réparée ce matin.")).toBeVisible();
  await page.getByLabel("4 étoiles", { exact: true }).check();
  await page.getByRole("button", { name: "Envoyer ma note" }).click();
  await expect(page.getByText("Note : 4 sur 5")).toBeVisible();
  await page.locator("#do-inProgress-message").fill("La coupure est revenue ce soir.");
  await page.getByRole("button", { name: "Rouvrir : le problème est revenu" }).click();
  await expect(page.getByText("En cours de traitement").first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});

test("without JavaScript: a suggestion through errors, check your answers (a change kept) and the confirmation (fr)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-TN" });
  const page = await context.newPage();
  const js = await browser.newContext({ locale: "fr-TN" });
  await signIn(await js.newPage(), { phone: uniquePhone(), locale: "fr", returnTo: "/fr/my" });
  await context.addCookies(await js.cookies());
  await js.close();
  await page.goto("/fr/requests/suggestion/new");
  await page.getByRole("button", { name: flow.fr.continue }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel("Quel organisme votre suggestion concerne-t-elle ?").selectOption("sonede");
  await page.getByLabel("Votre suggestion", { exact: true }).fill("Afficher les horaires des coupures d'eau au guichet.");
  await page.getByRole("button", { name: flow.fr.continue }).click();
  await expect(page.getByRole("heading", { level: 1, name: flow.fr.check })).toBeVisible();
  await page.getByRole("link", { name: `${flow.fr.change} Votre suggestion` }).click();
  await expect(page.getByLabel("Votre suggestion", { exact: true })).toHaveValue("Afficher les horaires des coupures d'eau au guichet.");
  await page.getByLabel("Votre suggestion", { exact: true }).fill("Afficher les horaires des coupures d'eau au guichet et en ligne.");
  await page.getByRole("button", { name: flow.fr.continue }).click();
  await expect(page.getByText("Afficher les horaires des coupures d'eau au guichet et en ligne.")).toBeVisible();
  await page.getByRole("button", { name: "Envoyer la suggestion" }).click();
  await expect(page).toHaveURL(/\/fr\/my\/cases\/IDR-[^/]+\/sent(#.*)?$/); // a change link's #field may stay
  await expect(page.getByRole("status").locator("bdi")).toHaveText(/^IDR-/);
  await context.close();
});
