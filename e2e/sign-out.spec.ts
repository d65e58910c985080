import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, uniquePhone } from "./support/auth";

/**
 * Signing out on an ordinary browser (issue 13, docs/adr/0016): nothing the person typed stays on
 * the device; what they sent offline is asked about first; and a second account on the same
 * browser never sees, sends or loses the first one's items.
 */
test.describe.configure({ timeout: 240_000 });

const words = {
  ar: {
    bodyLabel: "إلى أي هيكل تتوجه بسؤالك؟",
    municipality: "البلدية",
    subject: "الموضوع",
    question: "سؤالك",
    submit: "إرسال السؤال",
    queued: "محفوظ في هاتفك، لم يُرسل بعد",
    unsentTitle: "شيء لم يُرسل",
    keep: "احتفظ به على هذا الهاتف",
    delete: "احذفه",
    nothingWaits: "لا شيء ينتظر الإرسال في هذا الهاتف.",
    sendNow: "محاولة الإرسال الآن",
  },
  fr: {
    bodyLabel: "À quel organisme s'adresse votre question ?",
    municipality: "Commune",
    subject: "Objet",
    question: "Votre question",
    submit: "Envoyer la question",
    queued: "Enregistré sur votre téléphone, pas encore envoyé",
    unsentTitle: "Quelque chose n’est pas envoyé",
    keep: "Le garder sur ce téléphone",
    delete: "Le supprimer",
    nothingWaits: "Rien n'attend sur ce téléphone.",
    sendNow: "Essayer d'envoyer maintenant",
  },
};
type L = keyof typeof words;

async function typeQuestion(page: Page, l: L, subject: string, question: string) {
  const w = words[l];
  await page.getByLabel(w.bodyLabel).selectOption("municipality");
  await page.getByLabel(w.municipality, { exact: true }).selectOption("municipality-haidra");
  await page.getByLabel(w.subject, { exact: true }).fill(subject);
  await page.getByLabel(w.question, { exact: true }).fill(question);
  await page.waitForTimeout(600); // the draft is saved 300 ms after typing stops
}

/** Drafts and items of the outbox in this browser. */
function outbox(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ drafts: { id: string; values: Record<string, unknown> }[]; items: { key: string; userId: string; title: string }[] }>((resolve) => {
        const open = indexedDB.open("idarti-outbox");
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve({ drafts: [], items: [] });
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["drafts", "items"], "readonly");
          const drafts = tx.objectStore("drafts").getAll();
          const items = tx.objectStore("items").getAll();
          tx.oncomplete = () => {
            resolve({ drafts: drafts.result, items: items.result });
            db.close();
          };
        };
      }),
  );
}

for (const l of ["ar", "fr"] as const) {
  test(`${l}: signing out removes the draft from IndexedDB; an unsent item is asked about first and deleted on request`, async ({ page, context }) => {
    const w = words[l];
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/questions/new`, reuse: false });
    const secret = `Secret ${Date.now()} سرّي`;
    await typeQuestion(page, l, "Compteur", secret);
    expect(JSON.stringify((await outbox(page)).drafts)).toContain(secret);
    await signOut(page);
    expect(JSON.stringify(await outbox(page))).not.toContain(secret);
    // The page after signing out empties the HTTP and back/forward caches, not storage (the offline catalogue stays).
    expect((await page.request.get(`/${l}/sign-in?signedOut=1`)).headers()["clear-site-data"]).toBe('"cache"');

    // Unsent (sent offline) plus a new draft: signing out asks first; "delete" removes both.
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/questions/new`, reuse: false });
    await typeQuestion(page, l, "Eau", `${secret} (1)`);
    await context.setOffline(true);
    await page.getByRole("button", { name: w.submit }).click();
    await expect(page.getByText(w.queued)).toBeVisible();
    // Keep it unsent while we sign out: the server is unreachable for now.
    await context.route("**/api/v1/submissions", (route) => route.abort());
    await context.setOffline(false);
    await typeQuestion(page, l, "Eau", `${secret} (2)`);
    await page.locator('header nav form button[type="submit"]').click(); // the account menu's form (the text-size buttons are a form too)
    const dialog = page.getByRole("dialog", { name: w.unsentTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: w.delete }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
    expect(JSON.stringify(await outbox(page))).not.toContain(secret);
  });
}

test("fr: a second account on the same browser never sees, sends or loses the first one's queued item", async ({ page, context }) => {
  const l = "fr";
  const w = words[l];
  const first = uniquePhone();
  await signIn(page, { phone: first, locale: l, returnTo: `/${l}/questions/new`, reuse: false });
  const subject = `Fuite ${Date.now()}`;
  await typeQuestion(page, l, subject, "Une fuite d'eau devant le numéro 12.");
  await context.setOffline(true);
  await page.getByRole("button", { name: w.submit }).click();
  await expect(page.getByText(w.queued)).toBeVisible();
  await context.route("**/api/v1/submissions", (route) => route.abort());
  await context.setOffline(false);
  await page.locator('header nav form button[type="submit"]').click(); // the account menu's form (the text-size buttons are a form too)
  await page.getByRole("dialog", { name: w.unsentTitle }).getByRole("button", { name: w.keep }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await context.unroute("**/api/v1/submissions");
  const mine = (await outbox(page)).items.filter((i) => i.title === subject);
  expect(mine).toHaveLength(1);

  // Another person signs in here: their list is empty, and the item is neither sent nor lost.
  await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/my/unsent`, reuse: false });
  await expect(page.getByText(w.nothingWaits)).toBeVisible();
  await expect(page.getByText(subject)).toHaveCount(0);
  await page.waitForTimeout(1500); // the page's outbox sync has run
  await page.goto(`/${l}/my`);
  await expect(page.getByText(subject)).toHaveCount(0);
  await signOut(page); // nothing of theirs waits: no question asked
  expect((await outbox(page)).items.filter((i) => i.title === subject)).toHaveLength(1);

  // The first person, back: their item is there and goes.
  await signIn(page, { phone: first, locale: l, returnTo: `/${l}/my/unsent`, reuse: false });
  await expect.poll(async () => (await outbox(page)).items.filter((i) => i.title === subject).length, { timeout: 20_000 }).toBe(0);
  await page.goto(`/${l}/my`);
  await expect(page.getByText(subject)).toBeVisible();
});
