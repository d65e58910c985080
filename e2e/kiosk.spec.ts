import { gzipSync } from "node:zlib";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, SESSION_COOKIE, signIn, uniquePhone } from "./support/auth";
import { decideInD17, newStegBill, newWallet } from "./support/payments";
import { baseURL } from "../playwright.config";

/**
 * The self-service corner (issue 13): a browser enrolled by staff, a citizen who signs in, starts
 * a complaint and a payment and walks away; the countdown; the wipe; the next person finds the
 * start page and nothing of the first. Time at the screen runs on Playwright's clock (the corner
 * is enrolled with a one-minute idle limit), so this file never moves the server's clock.
 */
test.describe.configure({ timeout: 300_000 });

const KIOSK_COOKIE = "__Host-idarti.kiosk";

const words = {
  ar: {
    label: "اسم الفضاء",
    idle: "الدقائق دون لمس قبل أن تسأل الشاشة «هل ما زلت هنا؟»",
    house: "دار الخدمات",
    enrol: "تسجيل هذا المتصفح",
    start: "فضاء الخدمات الذاتية — دار الخدمات الرقمية ببلدية حيدرة",
    finish: "إنهاء ومسح",
    stillThere: "هل ما زلت هنا؟",
    continue: "ما زلت هنا",
    sendNow: "أرسله الآن",
    unsentDeleted: "حُذف شيء لم يُرسل.",
    cleared: "تم مسح الشاشة. يمكنك البدء.",
    revoke: "إلغاء",
    revokedDone: "أُلغي الفضاء",
    complaintBody: "الشركة التونسية للكهرباء والغاز",
    continueForm: "مواصلة",
    category: "الفوترة",
    description: "صف ما حدث",
    queued: "لم يُرسَل: لا توجد شبكة", // at the corner nothing waits for later
    steg: "الشركة التونسية للكهرباء والغاز",
    reference: "مرجع الفاتورة",
    key: "المفتاح",
    find: "البحث عن الفاتورة",
    phone: "رقم هاتفك في D17",
    pay: /^ادفع .* عبر D17$/,
    wait: "افتح D17 على هاتفك ووافق",
    receipt: "وصل خلاص",
    offline: "انقطعت الشبكة",
  },
  fr: {
    label: "Nom de l’espace",
    idle: "Minutes sans contact avant que l’écran demande « êtes-vous toujours là ? »",
    house: "Maison de services",
    enrol: "Inscrire ce navigateur",
    start: "Espace libre-service — Maison de services numérique de la commune de Haïdra",
    finish: "Terminer et effacer",
    stillThere: "Êtes-vous toujours là ?",
    continue: "Je suis toujours là",
    sendNow: "L’envoyer maintenant",
    unsentDeleted: "Un envoi qui n’était pas parti a été supprimé.",
    cleared: "L’écran a été effacé. Vous pouvez commencer.",
    revoke: "Révoquer",
    revokedDone: "L’espace a été révoqué",
    complaintBody: "Société Tunisienne de l'Électricité et du Gaz",
    continueForm: "Continuer",
    category: "Facturation",
    description: "Décrivez ce qui s'est passé",
    queued: "Non envoyé : il n'y a pas de réseau",
    steg: "Société Tunisienne de l'Électricité et du Gaz (STEG)",
    reference: "Référence de la facture",
    key: "Clé",
    find: "Trouver la facture",
    phone: "Votre numéro de téléphone D17",
    pay: /^Payer .* avec D17$/,
    wait: "Ouvrez D17 sur votre téléphone et approuvez",
    receipt: "Reçu de paiement",
    offline: "Le réseau est coupé",
  },
};
type L = keyof typeof words;

/** Staff enrol the browser of `page` as a corner of Haidra (one idle minute); the staff session ends. */
async function enrol(page: Page, l: L, by: "agent" | "admin", label: string) {
  const w = words[l];
  await signIn(page, { phone: by === "agent" ? demoAccounts.agent : demoAccounts.admin, locale: l, returnTo: `/${l}/staff/kiosks` });
  await expectNoSeriousA11yIssues(page);
  if (by === "admin") await page.getByLabel(w.house, { exact: true }).selectOption("haidra");
  await page.getByLabel(w.label).fill(label);
  await page.getByLabel(w.idle).fill("1");
  await page.getByRole("button", { name: w.enrol }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/kiosk$`));
  await expect(page.getByRole("heading", { level: 1, name: w.start })).toBeVisible();
  await expect(page.getByRole("button", { name: w.finish })).toBeVisible();
  // The staff member is signed out of this browser.
  expect((await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  expect((await page.context().cookies()).find((c) => c.name === KIOSK_COOKIE)).toMatchObject({ httpOnly: true, secure: true, path: "/" });
}

/** Everything the first person could have left in this browser, read from a page of the site. */
async function leftovers(page: Page) {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? "");
    let outbox: unknown[] = [];
    if (dbs.includes("idarti-outbox")) {
      outbox = await new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open("idarti-outbox");
        open.onsuccess = () => {
          const db = open.result;
          const stores = ["items", "drafts"].filter((s) => db.objectStoreNames.contains(s));
          if (stores.length === 0) return resolve([]);
          const tx = db.transaction(stores, "readonly");
          const all: unknown[] = [];
          let left = stores.length;
          for (const s of stores) {
            const req = tx.objectStore(s).getAll();
            req.onsuccess = () => {
              all.push(...req.result);
              if (--left === 0) resolve(all);
            };
          }
        };
        open.onerror = () => resolve([]);
      });
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) cached.push(new URL(r.url).pathname);
    return { dbs, outbox, local: Object.keys(localStorage), session: Object.keys(sessionStorage), cached, text: document.body.innerText, html: document.documentElement.outerHTML };
  });
}

/** The old cookies, sent from outside the browser: the API and a page must both refuse them. */
async function expectRefused(context: BrowserContext, old: { session: string; kiosk: string }, l: L) {
  const api = await context.request.fetch("/api/v1/submissions", {
    method: "POST",
    headers: { cookie: `${SESSION_COOKIE}=${old.session}; ${KIOSK_COOKIE}=${old.kiosk}`, origin: baseURL, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    data: { kind: "question", payload: {} },
  });
  expect(api.status()).toBe(401);
  const pageRes = await context.request.fetch(`/${l}/my`, { headers: { cookie: `${SESSION_COOKIE}=${old.session}; ${KIOSK_COOKIE}=${old.kiosk}` }, maxRedirects: 0 });
  expect(pageRes.status()).toBeGreaterThanOrEqual(300);
  expect(pageRes.status()).toBeLessThan(400);
  expect(pageRes.headers()["location"]).toContain("/sign-in");
}

/** At the corner: the complaint written while the network is down (an unsent item) and typed text. */
async function startComplaint(page: Page, context: BrowserContext, l: L, text: string) {
  const w = words[l];
  await page.goto(`/${l}/requests/complaint/new`);
  await page.getByLabel(w.complaintBody).check();
  await page.getByRole("button", { name: w.continueForm }).click();
  await page.getByLabel(w.category, { exact: true }).check();
  await page.getByLabel(w.description, { exact: true }).fill(text);
  // The screen has its words (in the first second after a page load it speaks all three languages).
  await expect(page.getByRole("button", { name: w.finish, exact: true })).toBeVisible();
  await context.setOffline(true);
  // Said plainly, at once: the network is down.
  await expect(page.getByRole("alert").filter({ hasText: w.offline })).toBeVisible();
  await page.getByRole("button", { name: w.continueForm }).click();
  await expect(page.getByText(w.queued)).toBeVisible();
  await context.setOffline(false);
}

for (const l of ["ar", "fr"] as const) {
  test(`${l}: enrol a corner; a citizen starts a complaint and a payment and walks away; the countdown, the wipe; the next person finds nothing; revoked, it leaves kiosk mode`, async ({ browser, request }) => {
    const w = words[l];
    const context = await browser.newContext({ locale: l === "ar" ? "ar-TN" : "fr-FR" });
    const page = await context.newPage();
    await page.clock.install();
    const label = `Corner ${l} ${Date.now()}`;
    await enrol(page, l, l === "ar" ? "agent" : "admin", label);

    // A citizen signs in at the corner (the code goes to their own phone).
    const name = `Fatma Kiosk ${Date.now().toString(36)}`;
    const phone = uniquePhone();
    await page.getByRole("link", { name: l === "ar" ? "ملفي" : "Mon dossier" }).click();
    await signIn(page, { phone, locale: l, returnTo: `/${l}/my`, name, reuse: false });
    const cookies = await context.cookies();
    const old = { session: cookies.find((c) => c.name === SESSION_COOKIE)!.value, kiosk: cookies.find((c) => c.name === KIOSK_COOKIE)!.value };
    // The session is bound to this corner: the same cookie from elsewhere opens nothing.
    const stranger = await browser.newContext();
    await stranger.addCookies([{ name: SESSION_COOKIE, value: old.session, domain: "localhost", path: "/", secure: true, httpOnly: true, sameSite: "Lax" }]);
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`/${l}/my`);
    await expect(strangerPage).toHaveURL(/\/sign-in/);
    await stranger.close();

    // A complaint (unsent: the network dropped) and a payment waiting for D17.
    const complaintText = `Compteur de ${name}: facture doublée / فاتورة مضاعفة`;
    // The server stays out of reach for submissions (the service worker's too), so the complaint is still unsent when the person leaves.
    await context.route("**/api/v1/submissions", (route) => route.abort());
    await startComplaint(page, context, l, complaintText);
    const bill = await newStegBill(request);
    const wallet = await newWallet(request);
    await page.goto(`/${l}/pay/find`);
    await page.getByLabel(w.steg).check();
    await page.getByLabel(w.reference).fill(bill.reference);
    await page.getByLabel(w.key, { exact: true }).fill(bill.key);
    await page.getByRole("button", { name: w.find }).click();
    await page.getByLabel(w.phone).fill(wallet.local);
    await page.getByRole("button", { name: w.pay }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.wait })).toBeVisible();
    // What a careless page could leave behind: Local and Session Storage, a personal cache entry.
    await page.evaluate(async (who) => {
      localStorage.setItem("last-search", who);
      sessionStorage.setItem("form-step", who);
      await (await caches.open("pages")).put("/ar/my", new Response(who));
    }, name);

    // The person walks away: after one idle minute, the countdown, announced, with big buttons.
    await page.clock.fastForward("01:05");
    const dialog = page.getByRole("alertdialog", { name: w.stillThere });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: w.sendNow })).toBeVisible(); // the unsent complaint
    await expect(dialog.getByRole("button", { name: w.continue })).toBeFocused();
    await expectNoSeriousA11yIssues(page);
    // "I am still here" puts it away; left alone again, it comes back and runs out.
    await dialog.getByRole("button", { name: w.continue }).click();
    await expect(dialog).toBeHidden();
    await page.clock.fastForward("01:05");
    await expect(dialog).toBeVisible();
    // The 30 seconds run out (the payment's waiting page may move on by itself meanwhile: a page
    // that changes is not a person, the countdown goes on where it was).
    await expect(async () => {
      // One second at a time: the screen's own deadlines (5 s for IndexedDB) must not jump past
      // real work still under way.
      await page.clock.runFor(1_000).catch(() => undefined);
      await expect(page).toHaveURL(new RegExp(`/${l}/kiosk\\?unsent=1$`), { timeout: 500 });
    }).toPass({ timeout: 90_000 });

    // The start page, in place of the history; the unsent item was deleted, without saying what.
    await expect(page.getByText(w.unsentDeleted)).toBeVisible();
    await expectRefused(context, old, l);
    expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const after = await leftovers(page);
    expect(after.outbox).toEqual([]);
    expect(after.local).toEqual([]);
    expect(after.session).toEqual([]);
    expect(after.cached.filter((p) => /\/(my|pay|account|requests|api)\b/.test(p))).toEqual([]);
    for (const secret of [name, complaintText, bill.reference, phone.slice(-8)]) expect(after.html).not.toContain(secret);
    // Back, and back again: nothing of the person (the server refuses their pages now).
    for (let i = 0; i < 3; i++) {
      await page.goBack().catch(() => null);
      await page.waitForLoadState("load");
      const html = await page.content();
      for (const secret of [name, complaintText, bill.reference]) expect(html).not.toContain(secret);
    }
    // The payment approved later on the person's own phone changes nothing on this screen.
    await decideInD17(context, wallet, "approve");
    await page.goto(`/${l}/kiosk`);
    expect(await page.content()).not.toContain(bill.reference);

    // Revoked in the staff pages: the corner leaves kiosk mode at its next request.
    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await signIn(staffPage, { phone: demoAccounts.admin, locale: l, returnTo: `/${l}/staff/kiosks` });
    await staffPage.getByRole("row", { name: new RegExp(label) }).getByRole("button", { name: new RegExp(w.revoke) }).click();
    await expect(staffPage.getByText(w.revokedDone)).toBeVisible();
    await staff.close();
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`/${l}$`));
    await expect(page.getByRole("button", { name: w.finish })).toHaveCount(0);
    expect((await context.cookies()).find((c) => c.name === KIOSK_COOKIE)).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.dataset.kiosk)).toBeUndefined();
    await context.close();
  });
}

test("fr: the countdown sends an unsent item on request; a payment's receipt prints on one A4 page; \"finish and clear\" wipes at once; every kiosk page passes axe in three languages, at 360 px and in large text", async ({ browser, request }) => {
  const l = "fr";
  const w = words[l];
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.clock.install();
  await enrol(page, l, "agent", `Corner print ${Date.now()}`);

  // Every kiosk page, in three languages, at 360 px wide with the corner's large text.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const p of ["ar", "fr", "en"]) {
    await page.goto(`/${p}/kiosk`);
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "large");
    await expect(page.getByRole("navigation")).toHaveCount(1);
    await expectNoSeriousA11yIssues(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1024, height: 768 });

  // Light: the start page's JS over the control route (the layout alone), and the corner's
  // script that every page loads in kiosk mode (and only there).
  const gz = async (path: string) => gzipSync(await (await page.request.get(path)).body()).length;
  const pageJs = async (path: string) => {
    const html = await (await page.request.get(path)).text();
    let total = 0;
    for (const src of new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))) total += await gz(src);
    return total;
  };
  const [start, control, leaf] = [await pageJs("/ar/kiosk"), await pageJs("/ar/control"), await gz("/kiosk-leaf.js")];
  console.info(`gzipped JS: kiosk start ${(start / 1024).toFixed(1)} kB, control ${(control / 1024).toFixed(1)} kB (+${((start - control) / 1024).toFixed(1)} kB, of which the corner's script ${(leaf / 1024).toFixed(1)} kB)`);
  expect(start - control).toBeLessThanOrEqual(leaf + 1024);
  expect(leaf).toBeLessThan(8 * 1024);

  const name = `Hédi Kiosk ${Date.now().toString(36)}`;
  const phone = uniquePhone();
  await signIn(page, { phone, locale: l, returnTo: `/${l}/my`, name, reuse: false });
  const text = `Réclamation de ${name}`;
  // Unsent, and the network back but the server unreachable for now: it waits.
  await context.route("**/api/v1/submissions", (route) => route.abort());
  await startComplaint(page, context, l, text);
  await context.unroute("**/api/v1/submissions");
  await page.clock.fastForward("01:05");
  const dialog = page.getByRole("alertdialog", { name: w.stillThere });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: w.sendNow }).click();
  await expect(dialog).toBeHidden();
  expect((await leftovers(page)).outbox).toEqual([]);
  await page.goto(`/${l}/my`);
  await expect(page.getByText(/IDR-/).first()).toBeVisible();

  // A payment at the corner: its receipt prints cleanly on one A4 page.
  const bill = await newStegBill(request);
  const wallet = await newWallet(request);
  await page.goto(`/${l}/pay/find`);
  await page.getByLabel(w.steg).check();
  await page.getByLabel(w.reference).fill(bill.reference);
  await page.getByLabel(w.key, { exact: true }).fill(bill.key);
  await page.getByRole("button", { name: w.find }).click();
  await page.getByLabel(w.phone).fill(wallet.local);
  await page.getByRole("button", { name: w.pay }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.wait })).toBeVisible();
  await decideInD17(context, wallet, "approve");
  await expect(page.getByRole("heading", { level: 1, name: w.receipt })).toBeVisible({ timeout: 30_000 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("payment-reference")).toBeVisible();
  await expect(page.locator("[data-print-qr] svg")).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: w.finish })).toBeHidden();
  expect(pages(await page.pdf({ format: "A4" }))).toBe(1);
  await page.emulateMedia({ media: "screen" });
  const receiptUrl = page.url();
  // Or sent to the person's own phone, since the screen keeps nothing.
  const reference = (await page.getByTestId("payment-reference").textContent())!.trim();
  await page.getByRole("button", { name: "Envoyer le reçu sur mon téléphone (SMS)" }).click();
  await expect(page.getByText("Le reçu a été envoyé sur votre téléphone par SMS.")).toBeVisible();
  expect(await (await page.request.get(`/${l}/dev/sms?to=${encodeURIComponent(phone)}`)).text()).toContain(reference);

  // A practice run started at the corner is the person's too (what they typed while practising).
  await page.goto(`/${l}/learn/practice`);
  await page.getByRole("button", { name: "Commencer l'entraînement" }).click();
  await expect(page.getByRole("button", { name: "Terminer l'entraînement" })).toBeVisible();
  expect((await context.cookies()).map((c) => c.name)).toContain("__Host-idarti.practice");

  // "Finish and clear": the same wipe, at once.
  await page.getByRole("button", { name: w.finish }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/kiosk\\?cleared=1$`));
  expect((await context.cookies()).map((c) => c.name)).not.toContain("__Host-idarti.practice");
  await expect(page.getByText(w.cleared)).toBeVisible();
  const after = await leftovers(page);
  for (const secret of [name, text, bill.reference]) expect(after.html).not.toContain(secret);
  await page.goto(receiptUrl);
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await page.content()).not.toContain(bill.reference);
  await context.close();
});

test("print: a procedure's checklist has its reference and QR and no navigation, on one A4 page", async ({ page }) => {
  for (const l of ["ar", "fr"]) {
    await page.goto(`/${l}/services/birth-certificate/checklist`);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("checklist-reference")).toBeVisible();
    await expect(page.locator("[data-print-qr] svg")).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.locator("header").first()).toBeHidden();
    expect(pages(await page.pdf({ format: "A4" }))).toBe(1);
    await page.emulateMedia({ media: "screen" });
  }
});

/** Pages of a PDF (its page objects). */
function pages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
