import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type Page, type Request } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import ar from "../messages/ar.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import service from "../lib/catalogue/data/services/steg-contract-transfer.json" with { type: "json" };
import { expectNoSeriousA11yIssues } from "./support/axe";
import { signIn, uniquePhone } from "./support/auth";

/**
 * Large files on a weak network, beyond the report's photos (issue 16, ADR 0020): a scanned
 * document of a submission goes up in pieces as soon as it is chosen; the network drops after the
 * first piece, the citizen reloads, chooses the same file again, and it continues from the byte the
 * server has — the submission then holds it once. A complaint's attachment goes up the same way
 * when the form is sent. Pieces of 64 kB here (UPLOAD_CHUNK_BYTES in playwright.config.ts).
 */
const messages = { ar, fr } as const;
const doc = (id: string) => service.documents.find((d) => d.id === id)!;
/** The words of a message around its `{name}`: the file's name is checked on its own. */
const after = (text: string) => text.split("}").at(-1)!.trim().slice(0, 20).trim();

/** A scanned document of a few hundred kB (noise does not compress), as a PDF the checks accept. */
async function bigScanPdf(): Promise<string> {
  const jpeg = await sharp(randomBytes(700 * 900 * 3), { raw: { width: 700, height: 900, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
  const pdf = await PDFDocument.create();
  const image = await pdf.embedJpg(jpeg);
  pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "idarti-scan-e2e-")), "acte-scanne.pdf");
  // On disk: the same name, size and bytes when chosen a second time.
  writeFileSync(file, await pdf.save());
  return file;
}

function patchesOf(page: Page): Request[] {
  const patches: Request[] = [];
  page.on("request", (req) => {
    if (req.method() === "PATCH" && req.url().includes("/api/uploads/resumable/")) patches.push(req);
  });
  return patches;
}

for (const l of ["ar", "fr"] as const) {
  test(`a scanned document cut after its first piece resumes after a reload and is filed once (${l})`, async ({ page }) => {
    test.setTimeout(120_000);
    const m = messages[l];
    const r = m.ResumableUpload;
    const t = m.DocumentSubmission;
    const file = await bigScanPdf();
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/documents/new?service=${service.slug}` });
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();

    // The network gives out after the first piece.
    let pieces = 0;
    await page.route("**/api/uploads/resumable/**", async (route) => {
      if (route.request().method() !== "PATCH") return route.continue();
      pieces += 1;
      return pieces === 1 ? route.continue() : route.abort("internetdisconnected");
    });
    const field = page.getByLabel(doc("cin").name[l]);
    const status = page.locator("#doc-cin-status");
    await field.setInputFiles(file);
    await expect(status).toContainText(after(r.paused), { timeout: 30_000 });
    await expect(status).toContainText("acte-scanne.pdf");
    await expect(page.getByRole("progressbar")).toBeVisible();
    // Taken out of the input: the form's own post will not carry it a second time.
    expect(await field.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
    await expectNoSeriousA11yIssues(page);

    // A reload: the field says which file was left unfinished.
    await page.reload();
    await expect(status).toContainText(after(r.unfinishedFile));
    await expect(status).toContainText("acte-scanne.pdf");

    // The network is back: the same file again continues where the server stopped.
    await page.unroute("**/api/uploads/resumable/**");
    const patches = patchesOf(page);
    const started = Date.now();
    const finished = page.waitForResponse((res) => res.url().includes("/api/uploads/resumable/") && res.request().method() === "PATCH" && res.headers()["idarti-upload-id"] !== undefined);
    await field.setInputFiles(file);
    await finished;
    console.info(`resumable scan (${l}): resumed and finished in ${Date.now() - started} ms, ${patches.length} piece(s) after the reload`);
    expect(Number(await patches[0]!.headerValue("upload-offset"))).toBeGreaterThanOrEqual(64 * 1024);
    await expect(status).toContainText(after(r.sent));
    await expect(page.getByRole("list", { name: r.sentList })).toContainText("acte-scanne.pdf");
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tus::")))).toEqual([]);
    await expectNoSeriousA11yIssues(page);

    // The last bill, then send: the submission holds the scan once, as the ID card.
    const bill = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 180, b: 20 } } }).png().toBuffer();
    await page.getByLabel(doc("last-bill").name[l]).setInputFiles({ name: "facture.png", mimeType: "image/png", buffer: bill });
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${l}/my/cases/IDR-`), { timeout: 30_000 });
    await expect(page.locator("[data-sha256]")).toHaveCount(2);
  });
}

/** A white page photographed at an angle on a dark table. */
async function skewedPagePhoto() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200"><rect width="900" height="1200" fill="#3a3530"/><polygon points="170,140 760,210 700,1080 110,990" fill="#f4f1ea"/><rect x="260" y="330" width="380" height="18" fill="#222" transform="rotate(6 450 340)"/></svg>`;
  return { name: "page-penchee.jpg", mimeType: "image/jpeg", buffer: await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer() };
}

test("a complaint's pages: one photographed at an angle is straightened, the PDF goes up in pieces when the form is sent (fr)", async ({ page }) => {
  test.setTimeout(120_000);
  const m = fr;
  const w = m.ScanPages;
  const pdf = await bigScanPdf();
  await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/requests/complaint/new?service=steg-new-connection&reason=document-not-listed&version=1&body=steg" });
  await expect(page.getByRole("heading", { level: 1, name: m.Complaint.title })).toBeVisible();
  const patches = patchesOf(page);
  await page.getByLabel(m.Complaint.fields.documentAskedFor).fill("Acte de naissance");
  await page.getByLabel(m.Complaint.fields.description, { exact: true }).fill("Au guichet on m'a demandé un acte déjà fourni.");
  await page.getByLabel(m.Uploads.label).setInputFiles(pdf);
  await page.getByLabel(w.camera).setInputFiles(await skewedPagePhoto());
  const list = page.getByRole("list", { name: w.list });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // Straightened with the keyboard: the page's edges are found and it is made upright.
  const straighten = list.getByRole("button", { name: `${w.straighten} ${w.which.replace("{n}", "2")}`, exact: true });
  await straighten.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: w.straightened.replace("{n}", "2").split(":")[0]! })).toBeVisible();
  await expect(straighten).toHaveAttribute("aria-pressed", "true");
  await expect(straighten).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: /Un PDF de 2 pages/ })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("button", { name: m.Requests.continue }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.Requests.check.title })).toBeVisible({ timeout: 30_000 });
  // Sent in pieces, not in the form's post.
  expect(patches.length).toBeGreaterThan(1);
  await expect(page.getByText("acte-scanne").first()).toBeVisible();
});
