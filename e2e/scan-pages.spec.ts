import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/csp";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { signIn, uniquePhone } from "./support/auth";

/**
 * Paper pages photographed one by one on the suggestion form become one PDF on the phone:
 * three pages taken with the camera input, the last moved up and the first removed with the
 * keyboard only, then sent: the case holds one PDF of two pages, in the order chosen. The CSP
 * fixture fails the test on any violation (pdf-lib, blob: thumbnails).
 */
test.beforeEach(() => {
  test.setTimeout(240_000);
});

/**
 * A phone's photo of a printed page (12 MP, sensor noise, lines of text): its shape tells the
 * pages apart once they are in the PDF (portrait, landscape, square).
 */
async function pagePhoto(name: string, width: number, height: number) {
  const lines = Array.from({ length: Math.floor(height / 90) }, (_, i) => `<text x="150" y="${200 + i * 90}" font-size="52" fill="#222">${i + 1}. Attestation — ligne de texte imprimée sur la page ${name}</text>`).join("");
  const text = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines}</svg>`);
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 225, g: 220, b: 205 }, noise: { type: "gaussian", mean: 215, sigma: 10 } } })
    .composite([{ input: text }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return { name: `${name}.jpg`, mimeType: "image/jpeg", buffer };
}

const words = {
  ar: {
    title: "تقديم مقترح",
    body: "بأي هيكل يتعلق مقترحك؟",
    description: "مقترحك",
    camera: "التقط صورة صفحة",
    list: "الصفحات المرسلة، بترتيبها",
    moveUp: (n: number) => `إلى الأعلى الصفحة ${n}`,
    moveDown: (n: number) => `إلى الأسفل الصفحة ${n}`,
    remove: (n: number) => `حذف الصفحة ${n}`,
    moved: "نُقلت: هي الآن الصفحة 2 من 3.",
    ready3: "سيُرسل ملف PDF واحد من 3 صفحات",
    ready2: "سيُرسل ملف PDF واحد من صفحتين",
    continue: "مواصلة",
    check: "تثبّت من إجاباتك قبل الإرسال",
    submit: "إرسال المقترح",
  },
  fr: {
    title: "Faire une suggestion",
    body: "Quel organisme votre suggestion concerne-t-elle ?",
    description: "Votre suggestion",
    camera: "Photographier une page",
    list: "Pages à envoyer, dans l'ordre",
    moveUp: (n: number) => `Monter la page ${n}`,
    moveDown: (n: number) => `Descendre la page ${n}`,
    remove: (n: number) => `Retirer la page ${n}`,
    moved: "Déplacée : c'est maintenant la page 2 sur 3.",
    ready3: "Un PDF de 3 pages sera envoyé",
    ready2: "Un PDF de 2 pages sera envoyé",
    continue: "Continuer",
    check: "Vérifiez vos réponses avant d'envoyer",
    submit: "Envoyer la suggestion",
  },
};

/** The JS files the page has loaded so far. */
function scriptsOf(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") seen.add(res.url());
  });
  return seen;
}

/** The gzipped size of the loaded scripts whose text contains `marker`. */
async function gzOf(page: Page, urls: Iterable<string>, marker: string): Promise<{ count: number; gz: number }> {
  let count = 0;
  let gz = 0;
  for (const url of urls) {
    const body = await (await page.request.get(url)).body();
    if (!body.toString("utf8").includes(marker)) continue;
    count += 1;
    gz += gzipSync(body).length;
  }
  return { count, gz };
}

for (const l of ["ar", "fr"] as const) {
  test(`three pages photographed, reordered and one removed with the keyboard, sent as one PDF of two pages (${l})`, async ({ page }) => {
    const w = words[l];
    const photos = [await pagePhoto("page-a", 3024, 4032), await pagePhoto("page-b", 4032, 3024), await pagePhoto("page-c", 3024, 3024)];
    const scripts = scriptsOf(page);
    await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/suggestion/new` });
    await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
    await page.waitForLoadState("load");
    // pdf-lib is not among what the form loads: only a page added fetches it.
    const before = new Set(scripts);
    expect((await gzOf(page, before, "PDFDocument.load")).count).toBe(0);
    const leaf = await gzOf(page, before, "cameraHint");
    expect(leaf.count).toBe(1);
    await page.getByLabel(w.body).selectOption("sonede");
    await page.getByLabel(w.description, { exact: true }).fill(l === "ar" ? "وصل الإقامة في ثلاث صفحات." : "Le certificat de résidence en trois pages.");

    // One page at a time, as the camera gives them.
    const camera = page.getByLabel(w.camera);
    for (const photo of photos) await camera.setInputFiles(photo);
    const list = page.getByRole("list", { name: w.list });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    const status = page.getByRole("status").filter({ hasText: w.ready3 });
    await expect(status).toBeVisible();
    const threePages = await page.locator("#attachments").evaluate((input: HTMLInputElement) => input.files?.[0]?.size ?? 0);
    console.info(`one PDF of 3 phone photos (12 MP each, ${photos.map((p) => (p.buffer.length / 1024 / 1024).toFixed(1)).join(" + ")} MB): ${(threePages / 1024).toFixed(0)} kB`);
    expect(threePages).toBeGreaterThan(0);
    expect(threePages).toBeLessThanOrEqual(5 * 1024 * 1024);
    const pdfLib = await gzOf(page, [...scripts].filter((u) => !before.has(u)), "PDFDocument.load");
    expect(pdfLib.count).toBe(1);
    console.info(`JS (${l}): the chunk holding the leaf ${(leaf.gz / 1024).toFixed(1)} kB gz (loaded with the form); pdf-lib ${(pdfLib.gz / 1024).toFixed(1)} kB gz, loaded when a page is added`);
    await expectNoSeriousA11yIssues(page);

    // Keyboard only: the last page up (the focus follows it), then the first page removed.
    await list.getByRole("button", { name: w.moveUp(3), exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: w.moved })).toBeVisible();
    await expect(list.getByRole("button", { name: w.moveUp(2), exact: true })).toBeFocused();
    await expect(list.getByRole("listitem").nth(1)).toContainText("page-c");
    await page.keyboard.press("Tab");
    await expect(list.getByRole("button", { name: w.moveDown(2), exact: true })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab"); // page 1's "remove"
    await expect(list.getByRole("button", { name: w.remove(1), exact: true })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(list.getByRole("listitem")).toHaveCount(2);
    // The focus stays in the list: on the page that took the removed one's place.
    await expect(list.getByRole("button", { name: w.remove(1), exact: true })).toBeFocused();
    await expect(list.getByRole("listitem").nth(0)).toContainText("page-c");
    await expect(page.getByRole("status").filter({ hasText: w.ready2 })).toBeVisible();

    await page.getByRole("button", { name: w.continue }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.check })).toBeVisible();
    await page.getByRole("button", { name: w.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${l}/my/cases/IDR-[^/]+/sent$`));
    const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-2)!);

    // The case holds one file: a PDF of the two pages, in the order chosen (square, then landscape).
    await page.goto(`/${l}/my/cases/${reference}`);
    const file = page.getByRole("link", { name: /page-c/ });
    await expect(file).toHaveCount(1);
    await expect(page.getByRole("link", { name: /page-a|page-b/ })).toHaveCount(0);
    const res = await page.request.get((await file.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const body = await res.body();
    const pdf = await PDFDocument.load(body);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getPages().map((p) => Math.round((p.getWidth() / p.getHeight()) * 100) / 100)).toEqual([1, 1.33]);
    console.info(`sent (${l}): one PDF of 2 pages, ${(body.length / 1024).toFixed(0)} kB`);
  });
}

test("without JavaScript the plain file input remains, several files allowed, no camera or list (fr)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-TN" });
  const page = await context.newPage();
  const js = await browser.newContext({ locale: "fr-TN" });
  await signIn(await js.newPage(), { phone: uniquePhone(), locale: "fr", returnTo: "/fr/my" });
  await context.addCookies(await js.cookies());
  await js.close();
  await page.goto("/fr/requests/suggestion/new");
  const input = page.getByLabel("Photos ou documents (facultatif)");
  await expect(input).toHaveAttribute("type", "file");
  await expect(input).toHaveAttribute("multiple", "");
  await expect(input).toHaveAttribute("name", "attachments");
  await expect(page.getByLabel(words.fr.camera)).toHaveCount(0);
  await context.close();
});
