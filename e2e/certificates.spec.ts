import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import types from "../lib/cases/kinds/certificate-request/types.json" with { type: "json" };
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-TN", timezoneId: "Africa/Tunis" });
  return context.newPage();
}

/**
 * An administrative certificate (issue 16), from the request to its verification: a citizen asks
 * for a certificate of residence; the municipality's agent approves it from the case; the citizen
 * downloads the signed PDF; anyone checks its code (genuine); the agent revokes it; the same code
 * now says revoked.
 */
const residence = types.types.find((t) => t.id === "municipal-residence")!;
const journeys = [
  { l: "ar" as const, m: ar, lang: "ar" as const, name: "سلمى الحداد" },
  { l: "fr" as const, m: fr, lang: "fr" as const, name: "Salma Haddad" },
];
const s = fr.StaffCase;
const c = fr.CertificateRequest;

for (const j of journeys) {
  test(`a certificate of residence: asked, approved, downloaded signed, verified, revoked (${j.l})`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    await signIn(page, { phone: uniquePhone(), locale: j.l, name: j.name, returnTo: `/${j.l}/requests/certificate/new` });
    await expect(page.getByRole("heading", { level: 1, name: j.m.CertificateRequest.title })).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    // Sent without the confirmation: the phone says what is missing, in the page's language.
    await page.getByRole("radio", { name: new RegExp(residence.name[j.lang]) }).check();
    await page.getByRole("button", { name: j.m.CertificateRequest.submit }).click();
    await expect(page.getByRole("link", { name: j.m.CertificateRequest.errors.confirmRequired })).toBeVisible();
    await page.getByLabel(j.m.CertificateRequest.confirm).check();
    // A certificate of "the municipality": the town's own is asked (the demo agent's, Haïdra).
    await page.getByRole("button", { name: j.m.CertificateRequest.submit }).click();
    await expect(page.getByRole("link", { name: j.m.Municipalities.errors.required })).toBeVisible();
    await page.getByLabel(j.m.Municipalities.field, { exact: true }).selectOption("municipality-haidra");
    await page.getByRole("button", { name: j.m.CertificateRequest.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/IDR-`));
    const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

    // The municipality's agent approves it: the certificate is issued with the approval.
    const staff = await newPage(browser);
    await signIn(staff, { phone: demoAccounts.agent, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
    await expect(staff.getByRole("heading", { level: 1 })).toBeVisible();
    await staff.getByRole("button", { name: c.actions.approve }).click();
    await expect(staff.getByText(s.done.status)).toBeVisible();

    // The citizen: the signed PDF and its verification code.
    await page.reload();
    const download = page.getByRole("link", { name: j.m.CertificateRequest.download });
    await expect(download).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    const pdf = await page.request.get((await download.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.includes(Buffer.from("/ByteRange"))).toBe(true); // signed (PAdES)
    const code = (await page.locator("[data-certificate-code]").getAttribute("data-certificate-code"))!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/); // stored and shown grouped (lib/documents/codes.ts)

    // Anyone with the code: genuine, with the certificate's type and the holder's name masked.
    await page.goto(`/${j.l}/verify/${code}`);
    await expect(page.getByRole("heading", { level: 1, name: j.m.DocumentCheck.genuine })).toBeVisible();
    await expect(page.getByText(residence.name[j.lang])).toBeVisible();
    await expect(page.getByText(j.name)).toHaveCount(0);
    await expectNoSeriousA11yIssues(page);

    // Revoked by its issuer, with a reason: the same code now says so, and the PDF is not handed out again.
    // The case page without the approval's "done" notice, so the revocation's own is awaited (a reload kept it: a race).
    await staff.goto(`/fr/staff/cases/${reference}`);
    await staff.getByLabel(s.transitionMessage.replace("{action}", c.actions.revoke)).fill("Adresse erronée.");
    await staff.getByRole("button", { name: c.actions.revoke }).click();
    await expect(staff.getByText(s.done.status)).toBeVisible();
    await staff.context().close();
    await page.goto(`/${j.l}/verify/${code}`);
    await expect(page.getByRole("heading", { level: 1, name: j.m.DocumentCheck.revoked })).toBeVisible();
    expect((await page.request.get(`/api/certificates/${reference}`)).status()).toBe(404);
    await page.goto(`/${j.l}/my/cases/${reference}`);
    await expect(page.getByText(j.m.CertificateRequest.revokedNotice)).toBeVisible();
  });
}

test("the catalogue's certificate procedures start the request online, the certificate already chosen (fr)", async ({ page }) => {
  await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/services/cnss-affiliation-certificate" });
  await page.getByRole("link", { name: fr.Catalogue.startOnline }).click();
  await expect(page.getByRole("heading", { level: 1, name: fr.CertificateRequest.title })).toBeVisible();
  const cnss = types.types.find((t) => t.id === "cnss-affiliation")!;
  await expect(page.getByRole("radio", { name: new RegExp(cnss.name.fr) })).toBeChecked();
});
