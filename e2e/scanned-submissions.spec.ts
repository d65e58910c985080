import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import service from "../lib/catalogue/data/services/steg-contract-transfer.json" with { type: "json" };
import occupancy from "../lib/catalogue/data/services/occupancy-permit.json" with { type: "json" };
import { expectNoSeriousA11yIssues } from "./support/axe";
import { numberedPng } from "./support/png";
import { smsCode } from "./support/sms";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";

/**
 * A procedure's documents sent scanned (issue 16), from the catalogue's "start online" to the
 * second receipt: one document missing → the checklist says so → added → sent → signed receipt
 * (PDF, PAdES) → its code verifies genuine; STEG's official asks for a document → the citizen adds
 * it → a second receipt, the original date of receipt unchanged.
 */
const png = (n: number) => numberedPng(n, "scan");
const doc = (id: string) => service.documents.find((d) => d.id === id)!;
const journeys = [
  { l: "ar" as const, m: ar, lang: "ar" as const, name: "سلمى الحداد" },
  { l: "fr" as const, m: fr, lang: "fr" as const, name: "Salma Haddad" },
];
const s = fr.StaffCase;
const ds = fr.DocumentSubmission;

async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-TN", timezoneId: "Africa/Tunis" });
  return context.newPage();
}

async function expectSignedPdf(page: Page, href: string) {
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.includes(Buffer.from("/ByteRange"))).toBe(true); // signed (PAdES)
  test.info().annotations.push({ type: "receipt PDF bytes", description: String(bytes.length) });
}

for (const j of journeys) {
  test(`a STEG contract transfer sent scanned: a document missing, added, receipt verified; a document asked for, added, second receipt (${j.l})`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    const t = j.m.DocumentSubmission;
    const started = Date.now();
    await signIn(page, { phone: uniquePhone(), locale: j.l, name: j.name, returnTo: `/${j.l}/services/${service.slug}` });
    // The catalogue's "start online" opens the form (no more dead end).
    await page.getByRole("link", { name: j.m.Catalogue.startOnline }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(page.locator('[data-document="last-bill"]')).toHaveAttribute("data-state", "missing");
    await expectNoSeriousA11yIssues(page);

    // Only the ID card: the last bill is missing — an error on that document, the checklist says so.
    await page.getByLabel(doc("cin").name[j.lang]).setInputFiles([png(1), png(2)]);
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByRole("link", { name: t.errors.missing })).toBeVisible();
    await expect(page.locator('[data-document="cin"]')).toHaveAttribute("data-state", "attached");
    await expect(page.locator('[data-document="last-bill"]')).toHaveAttribute("data-state", "missing");
    await expect(page.locator('[data-document="lease"]')).toHaveAttribute("data-state", "optional");
    await expectNoSeriousA11yIssues(page);

    // Added: sent; the case shows its signed receipt.
    await page.getByLabel(doc("last-bill").name[j.lang]).setInputFiles(png(3));
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/IDR-`));
    const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await expect(page.getByRole("heading", { name: t.receipts.heading })).toBeVisible();
    const receivedAt = await page.locator("[data-received-at]").getAttribute("data-received-at");
    await expect(page.locator("[data-sha256]")).toHaveCount(3);
    await expectNoSeriousA11yIssues(page);
    await expectSignedPdf(page, (await page.getByRole("link", { name: t.receipts.download }).getAttribute("href"))!);
    const code = (await page.locator("[data-receipt-code]").first().getAttribute("data-receipt-code"))!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // Anyone with the code: genuine, with the case and each file's hash; the sender's name masked.
    await page.goto(`/${j.l}/verify/${code}`);
    await expect(page.getByRole("heading", { level: 1, name: j.m.DocumentCheck.genuine })).toBeVisible();
    await expect(page.getByText(reference)).toBeVisible();
    await expect(page.locator("[data-sha256]")).toHaveCount(3);
    await expect(page.getByText(j.name)).toHaveCount(0);
    await expectNoSeriousA11yIssues(page);

    // STEG's official sees the files with their hashes and asks for a document (a message is required).
    const staff = await staffPage(browser);
    await signIn(staff, { phone: demoAccounts.officialRegional, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
    await expect(staff.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(staff.locator("[data-sha256]")).toHaveCount(3);
    await expect(staff.getByRole("link", { name: ds.receipts.download })).toBeVisible();
    await staff.getByLabel(s.transitionMessage.replace("{action}", ds.actions.askDocument)).fill("La facture est illisible : envoyez-en une photo nette.");
    await staff.getByRole("button", { name: ds.actions.askDocument }).click();
    await expect(staff.getByText(s.done.status)).toBeVisible();

    // The citizen adds it on the case page: a second receipt, dated now; the date that counts stays.
    await page.goto(`/${j.l}/my/cases/${reference}`);
    await expect(page.getByRole("heading", { name: t.addition.heading })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(doc("last-bill").name[j.lang]).setInputFiles(png(4));
    await page.getByRole("button", { name: t.addition.submit }).click();
    await expect(page.getByText(t.addition.done)).toBeVisible();
    await expect(page.locator("[data-receipt]")).toHaveCount(2);
    await expect(page.locator("[data-received-at]")).toHaveAttribute("data-received-at", receivedAt!);
    await expect(page.getByRole("heading", { name: t.addition.heading })).toHaveCount(0);
    const second = page.locator('[data-receipt="1"]');
    await expectSignedPdf(page, (await second.getByRole("link").first().getAttribute("href"))!);
    const code2 = (await second.locator("[data-receipt-code]").getAttribute("data-receipt-code"))!;
    expect(code2).not.toBe(code);
    await page.goto(`/${j.l}/verify/${code2}`);
    await expect(page.getByRole("heading", { level: 1, name: j.m.DocumentCheck.genuine })).toBeVisible();

    console.log(`scanned-submission journey (${j.l}): ${Date.now() - started} ms; PDFs ${test.info().annotations.map((x) => x.description).join(", ")} bytes`);
    // Back in STEG's queue: received again, four files.
    await staff.reload();
    await expect(staff.locator("[data-sha256]")).toHaveCount(4);
    await staff.context().close();
  });
}


for (const j of journeys) {
  test(`at the counter, an agent scans a procedure's documents for a walk-in citizen: the checklist, then the citizen's case and signed receipt (${j.l})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const w = j.m.WalkIn;
    const t = j.m.DocumentSubmission;
    const citizenPhone = uniquePhone();
    await signIn(page, { phone: demoAccounts.agent, locale: j.l, returnTo: `/${j.l}/staff/walk-in` });
    await page.getByLabel(w.phoneLabel).fill(citizenPhone);
    await page.getByRole("button", { name: w.sendCode }).click();
    await page.getByLabel(w.codeLabel, { exact: true }).fill(await smsCode(page, citizenPhone, "walk-in"));
    await page.getByRole("button", { name: w.checkCode }).click();

    // The procedure, then its documents: one missing → said on its field and in the checklist.
    await page.getByLabel(w.scans.service).selectOption(service.slug);
    await page.getByRole("button", { name: w.scans.choose }).click();
    await expect(page.locator('[data-document="last-bill"]')).toHaveAttribute("data-state", "missing");
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(doc("cin").name[j.lang]).setInputFiles([png(11)]);
    await page.getByRole("button", { name: w.scans.submit }).click();
    await expect(page.getByRole("link", { name: t.errors.missing })).toBeVisible();
    await expect(page.locator('[data-document="cin"]')).toHaveAttribute("data-state", "attached");
    await page.getByLabel(doc("last-bill").name[j.lang]).setInputFiles([png(12)]);
    await page.getByRole("button", { name: w.scans.submit }).click();
    const status = page.getByRole("status").filter({ hasText: w.scans.filed });
    await expect(status).toBeVisible();
    const reference = (await status.locator("bdi").first().textContent())!.trim();
    expect(reference).toMatch(/^IDR-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    await expectNoSeriousA11yIssues(page);
    await page.context().close();

    // The citizen: the case in their own file, filed at the house, with its signed receipt.
    const citizen = await staffPage(browser);
    await signIn(citizen, { phone: citizenPhone, locale: j.l, name: j.name, returnTo: `/${j.l}/my/cases/${reference}` });
    await expect(citizen.getByRole("heading", { level: 1 })).toBeVisible();
    const receipt = citizen.locator('a[href^="/api/submission-receipts/"]').first();
    await expect(receipt).toBeVisible();
    await expectSignedPdf(citizen, (await receipt.getAttribute("href"))!);
  });
}

/**
 * A procedure of "the municipality" sent scanned (issue 17): the form asks which town; sent without
 * one, it says so on that field and keeps the files; the case lands in that town's queue, and an
 * agent of another town neither opens it (404) nor sees it in their queue.
 */
const towns = [
  { ...journeys[0]!, to: "municipality-sfax", town: "بلدية صفاقس", own: demoAccounts.municipalAgentSfax, other: demoAccounts.agent },
  { ...journeys[1]!, to: "municipality-haidra", town: "Commune de Haïdra", own: demoAccounts.agent, other: demoAccounts.municipalAgentSfax },
];
for (const j of towns) {
  test(`an occupancy permit sent scanned asks which municipality, and reaches only that town's queue (${j.l})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const t = j.m.DocumentSubmission;
    const m = j.m.Municipalities;
    await signIn(page, { phone: uniquePhone(), locale: j.l, returnTo: `/${j.l}/services/${occupancy.slug}` });
    await page.getByRole("link", { name: j.m.Catalogue.startOnline }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByLabel(m.field, { exact: true })).toHaveValue("");
    await expectNoSeriousA11yIssues(page);
    for (const [i, d] of occupancy.documents.entries()) await page.getByLabel(d.name[j.lang], { exact: true }).setInputFiles(png(20 + i));

    // No town chosen: asked on the municipality field; the files stay attached.
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByRole("alert").filter({ hasText: m.errors.required }).first()).toBeVisible();
    for (const d of occupancy.documents) await expect(page.locator(`[data-document="${d.id}"]`)).toHaveAttribute("data-state", "attached");
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel(m.field, { exact: true }).selectOption(j.to);
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/IDR-`));
    const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await expect(page.getByText(j.town).first()).toBeVisible();
    await expect(page.locator("[data-sha256]")).toHaveCount(occupancy.documents.length);

    // That town's agent opens it and finds it in the queue; the other town's gets a 404 and an empty line.
    const own = await staffPage(browser);
    await signIn(own, { phone: j.own, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
    await expect(own.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(own.locator("[data-sha256]")).toHaveCount(occupancy.documents.length);
    await own.goto("/fr/staff?kind=document-submission");
    await expect(own.getByRole("link", { name: reference })).toBeVisible();
    await own.context().close();
    const other = await staffPage(browser);
    await signIn(other, { phone: j.other, locale: "fr", returnTo: "/fr/staff" });
    expect((await other.goto(`/fr/staff/cases/${reference}`))?.status()).toBe(404);
    await other.goto("/fr/staff?status=all&kind=document-submission");
    await expect(other.getByRole("heading", { level: 1, name: fr.StaffQueue.title })).toBeVisible();
    await expect(other.getByRole("link", { name: reference })).toHaveCount(0);
    await other.context().close();
  });
}
