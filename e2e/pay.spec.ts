import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { signIn, uniquePhone } from "./support/auth";
import { setServerClock } from "./support/clock";
import { d17Url, decideInD17, newStegBill, newWallet, setD17Down, type TestBill, type TestWallet } from "./support/payments";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";

/**
 * Paying a bill with D17, from the bill's reference to a receipt anyone can verify, in Arabic
 * and French — and every way it can go wrong ending in a clear message and a safe retry.
 */
// Whole journeys (sign-in, lookup, D17 approval, receipt, PDF, verification) on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const words = {
  ar: {
    steg: "الشركة التونسية للكهرباء والغاز",
    reference: "مرجع الفاتورة",
    key: "المفتاح",
    find: "البحث عن الفاتورة",
    check: "تثبّت قبل الدفع",
    phone: "رقم هاتفك في D17",
    pay: /^ادفع .* عبر D17$/,
    wait: "افتح D17 على هاتفك ووافق",
    receipt: "وصل خلاص",
    genuine: "وصل صحيح",
    notGenuine: "غير صحيح",
    refused: "رفضت الدفع في D17",
    insufficient: "الرصيد غير كاف في حساب D17",
    expired: "انتهى أجل الموافقة",
    noMoney: "لم يُقتطع أي مبلغ.",
    retry: "أعد المحاولة",
    paid: "خالص",
    payTitle: "خلاص الفاتورة",
    pending: "في انتظار موافقتك",
    checkNow: "وافقت: تحقّق الآن",
    offline: "يجب أن تكون متصلا بالإنترنت للدفع.",
    myBillsCard: "خلاص فواتيري المسجّلة",
    myBills: "فواتيري",
    addContract: "إضافة عقد",
    sonede: "الشركة الوطنية لاستغلال وتوزيع المياه",
    contract: "رقم العقد",
    label: "اسم يميّزه",
    house: "دار القصرين",
    save: "تسجيل العقد",
    saved: "تم تسجيل العقد.",
    payLegend: "اختر الفواتير التي تريد خلاصها",
    paySelected: "خلاص الفواتير المختارة",
  },
  fr: {
    steg: "Société Tunisienne de l'Électricité et du Gaz (STEG)",
    reference: "Référence de la facture",
    key: "Clé",
    find: "Trouver la facture",
    check: "Vérifiez avant de payer",
    phone: "Votre numéro de téléphone D17",
    pay: /^Payer .* avec D17$/,
    wait: "Ouvrez D17 sur votre téléphone et approuvez",
    receipt: "Reçu de paiement",
    genuine: "Reçu authentique",
    notGenuine: "Non authentique",
    refused: "Vous avez refusé le paiement dans D17",
    insufficient: "Solde insuffisant sur votre compte D17",
    expired: "Le délai pour approuver est dépassé",
    noMoney: "Aucun montant n'a été prélevé.",
    retry: "Réessayer",
    paid: "Payé",
    payTitle: "Payer une facture",
    pending: "En attente de votre approbation",
    checkNow: "J'ai approuvé : vérifier maintenant",
    offline: "Il faut une connexion pour payer.",
    myBillsCard: "Payer mes factures enregistrées",
    myBills: "Mes factures",
    addContract: "Ajouter un contrat",
    sonede: "Société Nationale d'Exploitation et de Distribution des Eaux (SONEDE)",
    contract: "Numéro de contrat",
    label: "Un nom pour le retrouver",
    house: "Maison de Kasserine",
    save: "Enregistrer le contrat",
    saved: "Contrat enregistré.",
    payLegend: "Choisissez les factures à payer",
    paySelected: "Payer les factures choisies",
  },
} as const;
type L = keyof typeof words;

async function startPaying(page: Page, l: L, bill: TestBill, wallet: TestWallet, opts: { axe?: boolean; heading?: string } = {}) {
  const w = words[l];
  await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/pay/find` });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByLabel(w.steg).check();
  await page.getByLabel(w.reference).fill(bill.reference);
  await page.getByLabel(w.key, { exact: true }).fill(bill.key);
  await page.getByRole("button", { name: w.find }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.check })).toBeVisible();
  await expect(page.getByText(bill.reference).first()).toBeVisible();
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByLabel(w.phone).fill(wallet.local);
  await page.getByRole("button", { name: w.pay }).click();
  await expect(page.getByRole("heading", { level: 1, name: opts.heading ?? w.wait })).toBeVisible();
}

const seconds = (mmss: string | null) => {
  const [m, s] = (mmss ?? "").split(":").map(Number);
  return m! * 60 + s!;
};

for (const l of ["ar", "fr"] as const) {
  test(`${l}: look up a STEG bill, pay with D17, get a receipt that verifies as genuine, online by its code and offline by its QR code`, async ({ page, context, request }) => {
    const w = words[l];
    const bill = await newStegBill(request);
    const wallet = await newWallet(request);
    await startPaying(page, l, bill, wallet, { axe: true });
    await expectNoSeriousA11yIssues(page);
    // The countdown runs down from our 10 minutes; the live status says what D17 waits for.
    const timer = page.getByRole("timer");
    await expect(timer).toHaveText(/^(09|10):[0-5]\d$/);
    const shown = seconds(await timer.textContent());
    await expect.poll(async () => seconds(await timer.textContent())).toBeLessThan(shown);
    await expect(page.getByText(w.pending, { exact: true })).toBeVisible();

    await decideInD17(context, wallet, "approve");
    // The waiting page learns it from the server (which asks D17) and shows the receipt.
    await expect(page.getByRole("heading", { level: 1, name: w.receipt })).toBeVisible({ timeout: 20_000 });
    const code = (await page.getByTestId("verification-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expect(page.getByTestId("payment-reference")).toHaveText(/^PAY-/);
    await expect(page.locator("svg").first()).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    const pdf = await page.request.get(page.url().replace(/\/(ar|fr)\/pay\/receipt\/([^/?]+).*/, `/api/payments/$2/receipt?locale=${l === "ar" ? "ar-TN" : "fr-TN"}`));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // Anyone can check it: a fresh browser, no session.
    const stranger = await page.context().browser()!.newContext({ locale: l === "ar" ? "ar-TN" : "fr-FR" });
    const other = await stranger.newPage();
    await other.goto(`/${l}/verify/${code}`);
    await expect(other.getByRole("heading", { level: 1, name: w.genuine })).toBeVisible();
    await expect(other.getByText(bill.reference)).toBeVisible();
    await expectNoSeriousA11yIssues(other);
    // One character changed: not genuine.
    const tampered = code.slice(0, -1) + (code.endsWith("A") ? "B" : "A");
    await other.goto(`/${l}/verify/${tampered}`);
    await expect(other.getByRole("heading", { level: 1, name: w.notGenuine })).toBeVisible();
    await expectNoSeriousA11yIssues(other);

    // Offline: the verify page, opened once online, checks the code the QR carries on the phone.
    const offlineCode = (await page.getByTestId("offline-code").textContent())!.trim();
    expect(offlineCode).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    await other.goto(`/${l}/verify`);
    await waitForWorker(other);
    await expect
      .poll(() => other.evaluate(async (path) => Boolean(await caches.match(path, { cacheName: "pages" })) && Boolean(localStorage.getItem("idarti.documents.trust.v1")), `/${l}/verify`), { timeout: 30_000 })
      .toBe(true);
    await expectNoSeriousA11yIssues(other);
    await stranger.setOffline(true);
    await other.reload();
    await expect(other.locator("form[data-ready]")).toBeVisible();
    const dc = (l === "ar" ? ar : fr).DocumentCheck;
    const v = (l === "ar" ? ar : fr).Verify;
    await other.getByLabel(v.code).fill(offlineCode);
    await other.getByRole("button", { name: v.submit }).click();
    await expect(other.getByRole("heading", { level: 2, name: dc.genuine })).toBeVisible();
    await expect(other.getByText(dc.listStored.split("{date}")[0]!.trim().replace(/[.،,]$/, ""), { exact: false })).toBeVisible();
    await expect(other.getByText(bill.reference, { exact: false })).toBeVisible();
    await expectNoSeriousA11yIssues(other);
    // One character of the pasted code changed: altered, still without a network.
    const i = offlineCode.length - 100;
    const altered = offlineCode.slice(0, i) + (offlineCode[i] === "A" ? "B" : "A") + offlineCode.slice(i + 1);
    await other.getByLabel(v.code).fill(altered);
    await other.getByRole("button", { name: v.submit }).click();
    await expect(other.getByRole("heading", { level: 2, name: dc.altered })).toBeVisible();
    // The QR's own link, as a camera app opens it, offline: the kept page checks it at once.
    await other.goto(`/verify#${offlineCode}`);
    await expect(other.getByRole("heading", { level: 2, name: dc.genuine })).toBeVisible();
    await stranger.setOffline(false);
    await stranger.close();
  });
}

async function waitForWorker(page: Page) {
  // `ready` resolves while the worker may still be activating: wait for a controller too.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration("/");
    return !!reg?.active && reg.active.state === "activated" && !!navigator.serviceWorker.controller;
  }, undefined, { timeout: 30_000 });
}

for (const l of ["ar", "fr"] as const) {
  test(`${l}: save the Kasserine STEG and SONEDE contracts, every unpaid bill in one list by due date; too little money in D17 → a clear message; offline, no paying`, async ({ page, context, request }) => {
    const w = words[l];
    const poor = await newWallet(request, 5_000);
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/pay` });
    await expect(page.getByRole("heading", { level: 1, name: w.payTitle })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("link", { name: w.myBillsCard }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.myBills })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    // The demo household of the README: STEG 40112233 (key 17) and SONEDE 1203456 (key 08).
    for (const [biller, contract, key] of [[w.steg, "40112233", "17"], [w.sonede, "1203456", "08"]] as const) {
      await page.getByRole("link", { name: w.addContract }).click();
      await expect(page.getByRole("heading", { level: 1, name: w.addContract })).toBeVisible();
      if (contract === "40112233") await expectNoSeriousA11yIssues(page);
      await page.getByLabel(biller).check();
      await page.getByLabel(w.contract).fill(contract);
      await page.getByLabel(w.key, { exact: true }).fill(key);
      await page.getByLabel(w.label).fill(w.house);
      await page.getByRole("button", { name: w.save }).click();
      await expect(page.getByText(w.saved)).toBeVisible();
    }
    // Both bodies in one list, nearest due date first: SONEDE overdue, STEG overdue, STEG, SONEDE.
    const boxes = page.getByRole("group", { name: w.payLegend }).getByRole("checkbox");
    await expect(boxes).toHaveCount(4);
    for (const [i, reference] of ["120345600", "4011223300", "4011223301", "120345601"].entries()) await expect(boxes.nth(i)).toHaveAccessibleName(new RegExp(reference));
    await expectNoSeriousA11yIssues(page);
    // Each locale pays its own pair, so the two journeys never hold the same bill.
    const chosen = l === "ar" ? ["4011223301", "120345601"] : ["4011223300", "120345600"];
    for (const reference of chosen) await page.getByRole("checkbox", { name: new RegExp(reference) }).check();
    await page.getByRole("button", { name: w.paySelected }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.check })).toBeVisible();
    for (const reference of chosen) await expect(page.getByText(reference).first()).toBeVisible();
    // Offline: no queued payment, the button says why.
    await context.setOffline(true);
    await expect(page.getByRole("button", { name: w.pay })).toBeDisabled();
    await expect(page.getByText(w.offline, { exact: false })).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByRole("button", { name: w.pay })).toBeEnabled();
    await page.getByLabel(w.phone).fill(poor.local);
    await page.getByRole("button", { name: w.pay }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.wait })).toBeVisible();
    await decideInD17(context, poor, "approve");
    await expect(page.getByRole("heading", { level: 1, name: w.insufficient })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(w.noMoney)).toBeVisible();
    await expect(page.getByRole("link", { name: w.retry })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
  });

  test(`${l}: refused in D17 → a clear message → retry, close the tab, approve; coming back shows the receipt, paid once`, async ({ page, context, request }) => {
    const w = words[l];
    const bill = await newStegBill(request, 45_000);
    const wallet = await newWallet(request, 100_000);
    await startPaying(page, l, bill, wallet);
    await decideInD17(context, wallet, "refuse");
    await expect(page.getByRole("heading", { level: 1, name: w.refused })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(w.noMoney)).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("link", { name: w.retry }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.check })).toBeVisible();
    await page.getByLabel(w.phone).fill(wallet.local);
    await page.getByRole("button", { name: w.pay }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.wait })).toBeVisible();
    const statusUrl = page.url();
    // Keep the session, close the tab, approve on the phone.
    const keep = await context.newPage();
    await page.close();
    await decideInD17(context, wallet, "approve");
    // The server settles with D17 (a callback or its background job), whatever the browser did.
    await expect(async () => {
      await keep.goto(statusUrl);
      await expect(keep.getByRole("heading", { level: 1, name: w.receipt })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await keep.goto(`/${l}/pay`);
    await expect(keep.getByRole("main").getByText(w.paid, { exact: true }).first()).toBeVisible();
    // And in "my file", with its receipt.
    await keep.goto(`/${l}/my`);
    await keep.getByRole("link", { name: new RegExp(bill.reference) }).click();
    await expect(keep.getByRole("heading", { level: 1, name: w.receipt })).toBeVisible();
    // D17 took the money once: 100 − 45 = 55 DT left.
    await keep.goto(`${d17Url}/app?phone=${encodeURIComponent(wallet.phone)}`);
    await expect(keep.getByTestId("balance")).toHaveText("55,000 DT");
  });

  test(`${l}: D17 down when paying → "not sent yet", no countdown; D17 back → the same request is sent and the countdown starts; paid once`, async ({ page, request }) => {
    const w = words[l];
    const m = { ar, fr }[l].Pay;
    const bill = await newStegBill(request, 21_500);
    const wallet = await newWallet(request);
    await setD17Down(request, true);
    try {
      await startPaying(page, l, bill, wallet, { heading: m.wait.sending });
      // Nothing reached D17: no "do not pay again" beside a running clock, and nothing to approve.
      await expect(page.getByText(m.wait.notSentYet)).toBeVisible();
      await expect(page.getByRole("timer")).toHaveCount(0);
      await expectNoSeriousA11yIssues(page);
    } finally {
      await setD17Down(request, false);
    }
    // D17 answers again: the page's next status check sends the same request; the time to approve starts now.
    await expect(page.getByRole("heading", { level: 1, name: w.wait })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("timer")).toHaveText(/^(09|10):[0-5]\d$/);
    await decideInD17(page.context(), wallet, "approve");
    await expect(page.getByRole("heading", { level: 1, name: w.receipt })).toBeVisible({ timeout: 30_000 });
    // One request, one debit.
    await page.goto(`${d17Url}/app?phone=${encodeURIComponent(wallet.phone)}`);
    await expect(page.getByTestId("balance")).toHaveText("478,500 DT");
  });

  test(`${l}: the time to approve runs out; "I have approved" asks the server → expired, no money taken`, async ({ page, request }) => {
    const w = words[l];
    const bill = await newStegBill(request, 30_000);
    const wallet = await newWallet(request);
    // No live polling in this tab: only the "I have approved" button can show the outcome.
    await page.route("**/api/payments/*/status", (route) => route.abort());
    await startPaying(page, l, bill, wallet);
    await expect(page.getByText(w.pending, { exact: true })).toBeVisible();
    try {
      await setServerClock(request, new Date(Date.now() + 11 * 60_000));
      await page.getByRole("button", { name: w.checkNow }).click();
      await expect(page.getByRole("heading", { level: 1, name: w.expired })).toBeVisible({ timeout: 20_000 });
    } finally {
      await setServerClock(request, null);
    }
    await expect(page.getByText(w.noMoney)).toBeVisible();
    await expect(page.getByRole("link", { name: w.retry })).toBeVisible();
  });
}

test("a code nobody issued is not genuine; the verify form works without signing in", async ({ page }) => {
  await page.goto("/fr/verify");
  await expectNoSeriousA11yIssues(page);
  await page.getByLabel("Code de vérification").fill("k7q2 9xmd 3hrt wb4p");
  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Non authentique" })).toBeVisible();
  await expect(page).toHaveURL(/\/fr\/verify\/K7Q2-9XMD-3HRT-WB4P$/);
});
