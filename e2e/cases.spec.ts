import { expect, test, type Browser, type Page, type Route } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { baseURL } from "../playwright.config";

/**
 * The case engine end to end, with the demo kind "question to a public body": the offline
 * outbox, idempotent submissions, the staff queue and case page, the citizen's timeline, the
 * inbox, and the 404 for anyone else.
 */
const journeys = [
  {
    l: "ar" as const,
    body: "municipality",
    staff: demoAccounts.agent,
    staffLocale: "fr" as const,
    t: {
      bodyLabel: "إلى أي هيكل تتوجه بسؤالك؟",
      subject: "الموضوع",
      question: "سؤالك",
      submit: "إرسال السؤال",
      queued: "محفوظ في هاتفك، لم يُرسل بعد",
      sent: "مرجعك هو",
      // The demo agent works for the municipality of Haïdra (lib/municipalities), chosen in the form.
      seen: "اطّلع عليه عون من بلدية حيدرة",
      replyFrom: "ردّ من بلدية حيدرة",
      newReply: "ردّ جديد بخصوص",
      inbox: "الإشعارات",
      myList: "مطالبك",
      timeline: "المسار",
      unsentLink: "عرض ما ينتظر الإرسال في هذا الهاتف",
      remove: "حذف من هذا الهاتف",
      sendNow: "محاولة الإرسال الآن",
      nothingWaits: "لا شيء ينتظر الإرسال في هذا الهاتف.",
    },
  },
  {
    l: "fr" as const,
    body: "steg",
    staff: demoAccounts.officialRegional,
    staffLocale: "fr" as const,
    t: {
      bodyLabel: "À quel organisme s'adresse votre question ?",
      subject: "Objet",
      question: "Votre question",
      submit: "Envoyer la question",
      queued: "Enregistré sur votre téléphone, pas encore envoyé",
      sent: "Votre référence est",
      seen: "Consultée par un responsable (Société Tunisienne de l'Électricité et du Gaz)",
      replyFrom: "Réponse de : Société Tunisienne de l'Électricité et du Gaz",
      newReply: "Nouvelle réponse pour",
      inbox: "Notifications",
      myList: "Vos demandes",
      timeline: "Historique",
      unsentLink: "Voir ce qui attend sur ce téléphone",
      remove: "Supprimer de ce téléphone",
      sendNow: "Essayer d'envoyer maintenant",
      nothingWaits: "Rien n'attend sur ce téléphone.",
    },
  },
];

async function fillQuestion(page: Page, j: (typeof journeys)[number], subject: string, question: string) {
  await page.getByLabel(j.t.bodyLabel).selectOption(j.body);
  if (j.body === "municipality") await page.getByLabel("البلدية", { exact: true }).selectOption("municipality-haidra");
  await page.getByLabel(j.t.subject, { exact: true }).fill(subject);
  await page.getByLabel(j.t.question, { exact: true }).fill(question);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "ar-TN", timezoneId: "Africa/Tunis" });
  return context.newPage();
}

for (const j of journeys) {
  test.describe(`a question to a public body (${j.l})`, () => {
    test("sent while offline, it waits on the phone and gets its reference when the network returns; a double send makes one case", async ({ page, context }) => {
      test.setTimeout(120_000);
      await signIn(page, { phone: uniquePhone(), locale: j.l, returnTo: `/${j.l}/questions/new` });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      // Typed, then the page is reloaded: the draft comes back.
      await fillQuestion(page, j, "Compteur / عداد", "Quand le nouveau compteur sera-t-il posé ? متى يركب العداد؟");
      await page.waitForTimeout(500); // the draft is saved 300 ms after typing stops
      await page.reload();
      await expect(page.getByLabel(j.t.subject, { exact: true })).toHaveValue("Compteur / عداد");

      await context.setOffline(true);
      await page.getByRole("button", { name: j.t.submit }).click();
      await expect(page.getByText(j.t.queued)).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      // Still offline: nothing reached the server (checked once online below: exactly one case).

      await context.setOffline(false);
      await expect(page.getByText(j.t.sent)).toBeVisible();
      const reference = (await page.locator("[data-outbox=sent] bdi").textContent())!.trim();
      expect(reference).toMatch(/^IDR-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);

      // A second question, sent with a double click, then replayed by the network: one case.
      await page.reload();
      await fillQuestion(page, j, "Facture", "Pourquoi ma facture a-t-elle doublé ce mois-ci ?");
      await page.waitForTimeout(500); // its draft is saved on the phone
      const key = await page.locator('input[name="idempotencyKey"]').inputValue();
      await page.getByRole("button", { name: j.t.submit }).dblclick();
      await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/IDR-`));
      const second = (await page.locator("main bdi").first().textContent())!.trim();
      // Sent: the form opens empty again (its draft went with it; a second send would be a second case).
      await page.goto(`/${j.l}/questions/new`);
      await page.waitForTimeout(1_000); // a draft would have been put back by now
      await expect(page.getByLabel(j.t.subject, { exact: true })).toHaveValue("");
      await expect(page.getByLabel(j.t.question, { exact: true })).toHaveValue("");
      const replay = await page.request.post("/api/v1/submissions", {
        headers: { origin: baseURL, "idempotency-key": key },
        data: { kind: "question", payload: { bodyId: j.body, ...(j.body === "municipality" ? { municipalityId: "municipality-haidra" } : {}), subject: "Facture", question: "Pourquoi ma facture a-t-elle doublé ce mois-ci ?" } },
      });
      expect(replay.status()).toBe(200);
      expect(replay.headers()["idempotent-replayed"]).toBe("true");
      expect((await replay.json()).reference).toBe(second);

      // My file: exactly the two cases, newest first.
      await page.goto(`/${j.l}/my`);
      const items = page.getByRole("list", { name: j.t.myList }).locator("li bdi[dir=ltr]");
      await expect(items).toHaveText([second, reference]);
      await expectNoSeriousA11yIssues(page);
    });

    test("the body's staff reply; the citizen sees the reply, that staff viewed it, and a notification; nobody else sees it", async ({ page, browser }) => {
      test.setTimeout(180_000); // three people sign in (citizen, staff, another citizen)
      const citizen = uniquePhone();
      await signIn(page, { phone: citizen, locale: j.l, returnTo: `/${j.l}/questions/new` });
      await fillQuestion(page, j, `Horaires ${j.l}`, "Quels sont les horaires d'ouverture du guichet ?");
      await page.getByRole("button", { name: j.t.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/IDR-`));
      const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      await expect(page.getByRole("status").filter({ hasText: reference })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      // Staff of the body: the queue, the case, a reply and an internal note.
      const staff = await newPage(browser);
      await signIn(staff, { phone: j.staff, locale: j.staffLocale, returnTo: `/${j.staffLocale}/staff` });
      await expect(staff.getByRole("heading", { level: 1, name: "File de travail" })).toBeVisible();
      await expectNoSeriousA11yIssues(staff);
      await staff.getByRole("link", { name: reference }).click();
      await expect(staff.getByRole("heading", { level: 1, name: `Horaires ${j.l}` })).toBeVisible();
      await expectNoSeriousA11yIssues(staff);
      await staff.getByLabel("Répondre au citoyen").fill("Le guichet est ouvert de 8 h à 13 h.");
      await staff.getByRole("button", { name: "Envoyer la réponse" }).click();
      await expect(staff.getByText("Votre réponse a été envoyée au citoyen.")).toBeVisible();
      await staff.getByLabel("Note interne").fill("Citoyen déjà venu au guichet.");
      await staff.getByRole("button", { name: "Ajouter la note" }).click();
      await expect(staff.getByText("Note ajoutée.")).toBeVisible();
      await staff.getByRole("button", { name: "Commencer le traitement" }).click();
      await expect(staff.getByText("État modifié.")).toBeVisible();
      await staff.context().close();

      // The citizen: the reply in the timeline, the note not, the view recorded, the inbox.
      await page.reload();
      const timeline = page.getByRole("list", { name: j.t.timeline });
      await expect(timeline.getByText("Le guichet est ouvert de 8 h à 13 h.")).toBeVisible();
      await expect(timeline.getByText(j.t.replyFrom)).toBeVisible();
      await expect(page.getByText("Citoyen déjà venu au guichet.")).toHaveCount(0);
      await expect(page.getByText(j.t.seen).first()).toBeVisible();
      await expect(page.locator("header [data-unread]")).toHaveText(/^\d+/);
      await page.locator("header").getByRole("link", { name: new RegExp(j.t.inbox) }).click();
      await expect(page.getByRole("link", { name: `${j.t.newReply} ${reference}` })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      // Anyone else: not found.
      const other = await newPage(browser);
      await signIn(other, { phone: uniquePhone(), locale: j.l, returnTo: `/${j.l}/my` });
      const res = await other.goto(`/${j.l}/my/cases/${reference}`);
      expect(res?.status()).toBe(404);
      await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
      await other.context().close();
    });
  });
}

test.describe("online, but the server fails", () => {
  // Background Sync would send from the service worker, past this page's routes.
  test.use({ serviceWorkers: "block" });
  for (const j of journeys) {
    test(`a submission without a final answer waits on the phone under the same key, can be deleted, and files one case (${j.l})`, async ({ page }) => {
      await signIn(page, { phone: uniquePhone(), locale: j.l, returnTo: `/${j.l}/questions/new` });
      // The first post (the form's action) reaches the server, which files the case, but the
      // phone gets a 503 back; every later post dies on the way (no network).
      let posts = 0;
      let filedByAction = false;
      const failing = async (route: Route) => {
        if (route.request().method() !== "POST") return route.fallback();
        if (posts++ === 0) {
          const filed = await route.fetch();
          // The action's answer: "go to the case page" (the case exists), which the phone never gets.
          filedByAction = "next-action" in route.request().headers() && /\/my\/cases\/IDR-/.test(filed.headers()["x-action-redirect"] ?? "");
          return route.fulfill({ status: 503, contentType: "text/html", body: "<h1>503 Service Unavailable</h1>" });
        }
        return route.abort("internetdisconnected");
      };
      await page.route("**/*", failing);
      await fillQuestion(page, j, "Eau coupée", "L'eau est coupée depuis hier dans notre rue.");
      await page.getByRole("button", { name: j.t.submit }).click();
      await expect(page.getByText(j.t.queued)).toBeVisible();
      await expect(page.getByLabel(j.t.subject, { exact: true })).toHaveValue("");
      expect(filedByAction).toBe(true);
      // A second one, that never reached the server, and that the citizen then deletes.
      await fillQuestion(page, j, "Doublon", "Envoyée par erreur.");
      await page.getByRole("button", { name: j.t.submit }).click();
      await expect(page.getByLabel(j.t.subject, { exact: true })).toHaveValue("");
      await expect(page.getByText(j.t.queued)).toBeVisible();

      await page.getByRole("link", { name: j.t.unsentLink }).first().click();
      const doublon = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Doublon" }) });
      await expect(doublon).toBeVisible();
      await expect(page.getByRole("heading", { name: "Eau coupée" })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      page.once("dialog", (dialog) => void dialog.accept());
      await doublon.getByRole("button", { name: j.t.remove }).click();
      await expect(page.getByRole("heading", { name: "Doublon" })).toHaveCount(0);

      // The server answers again: sent with the key of the first try, it files nothing new.
      await page.unroute("**/*", failing);
      await page.getByRole("button", { name: j.t.sendNow }).click();
      await expect(page.getByText(j.t.nothingWaits)).toBeVisible();
      await page.goto(`/${j.l}/my`);
      const items = page.getByRole("list", { name: j.t.myList }).locator("li bdi[dir=ltr]");
      await expect(items).toHaveCount(1);
      await expect(items).toHaveText(/^IDR-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    });
  }
});

test("without JavaScript the question form still works: errors, then the reference", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-TN" });
  const page = await context.newPage();
  const js = await browser.newContext({ locale: "fr-TN" });
  const signer = await js.newPage();
  await signIn(signer, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/my" });
  await context.addCookies(await js.cookies());
  await page.goto("/fr/questions/new");
  await page.getByRole("button", { name: "Envoyer la question" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choisissez l'organisme concerné." })).toBeVisible();
  await expect(page.getByText("Saisissez votre question.").first()).toBeVisible();
  await page.getByLabel("À quel organisme s'adresse votre question ?").selectOption("cnam");
  await page.getByLabel("Objet", { exact: true }).fill("Remboursement");
  await page.getByLabel("Votre question", { exact: true }).fill("Où en est mon remboursement de mars ?");
  await page.getByRole("button", { name: "Envoyer la question" }).click();
  await expect(page).toHaveURL(/\/fr\/my\/cases\/IDR-/);
  await expect(page.getByText("Votre demande a été envoyée")).toBeVisible();
  await context.close();
  await js.close();
});
