import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type Request } from "@playwright/test";
import sharp from "sharp";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { signIn, uniquePhone, type LocalePrefix } from "./support/auth";

/**
 * A photo sent on a weak network (issue 16, "uploads that survive a weak network"): the network
 * drops after the first piece (PATCH requests blocked), the citizen reloads the page, the network
 * comes back and they choose the same photo again: it continues from the byte the server has, is
 * checked as a whole, and ends attached to the form. The server runs with pieces of 64 kB
 * (UPLOAD_CHUNK_BYTES in playwright.config.ts).
 */
const messages = { ar, fr } as const;
const before = (text: string) => text.split("{")[0]!.trim();

/** Noise does not compress: a photo of a few hundred kB even after the phone made it smaller. */
async function noisyPhotoFile(): Promise<string> {
  const bytes = await sharp(randomBytes(1200 * 1200 * 3), { raw: { width: 1200, height: 1200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "idarti-tus-e2e-")), "plan-scan.jpg");
  // A file on disk keeps its name, size and date between two choices: the same file to the phone.
  writeFileSync(file, bytes);
  return file;
}

for (const l of ["ar", "fr"] as LocalePrefix[]) {
  test(`a photo cut after its first piece resumes after a reload and ends attached (${l})`, async ({ page }) => {
    const m = messages[l as "ar" | "fr"];
    const r = m.ResumableUpload;
    const photos = m.MunicipalReport.photos;
    const file = await noisyPhotoFile();
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/report/new` });
    await expect(page.getByRole("heading", { level: 1, name: m.MunicipalReport.title })).toBeVisible();

    // The network gives out after the first piece.
    let pieces = 0;
    await page.route("**/api/uploads/resumable/**", async (route) => {
      if (route.request().method() !== "PATCH") return route.continue();
      pieces += 1;
      return pieces === 1 ? route.continue() : route.abort("internetdisconnected");
    });
    await page.getByLabel(photos.label).setInputFiles(file);
    const status = page.locator("#photos-status");
    await expect(status).toContainText(before(r.paused), { timeout: 30_000 });
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    // A reload: the page remembers the unfinished photo and asks for it again.
    await page.reload();
    await expect(status).toContainText(before(r.unfinished));
    await expect(status).toContainText("plan-scan.jpg");

    // The network is back; the same photo again continues where the server stopped.
    await page.unroute("**/api/uploads/resumable/**");
    const patches: Request[] = [];
    page.on("request", (req) => {
      if (req.method() === "PATCH" && req.url().includes("/api/uploads/resumable/")) patches.push(req);
    });
    const started = Date.now();
    const finished = page.waitForResponse((res) => res.url().includes("/api/uploads/resumable/") && res.request().method() === "PATCH" && res.headers()["idarti-upload-id"] !== undefined);
    await page.getByLabel(photos.label).setInputFiles(file);
    const done = await finished;
    const id = done.headers()["idarti-upload-id"]!;
    console.info(`resumable upload (${l}): resumed and finished in ${Date.now() - started} ms, ${patches.length} piece(s) after the reload`);

    // Nothing sent twice: the first piece after the reload starts at the byte the server had.
    expect(Number(await patches[0]!.headerValue("upload-offset"))).toBeGreaterThanOrEqual(64 * 1024);
    await expect(page.getByRole("img", { name: photos.photo.replace("{n}", "1") })).toBeVisible();
    await expect(page.locator(`input[type="hidden"][name="photoIds"][value="${id}"]`)).toHaveCount(1);
    await expect(status).toContainText(m.Uploads.ready);
    expect((await page.request.get(`/api/files/${id}`)).status()).toBe(200);
    // The address kept for resuming is gone once the file is whole.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tus::")))).toEqual([]);
    await expectNoSeriousA11yIssues(page);
  });
}
