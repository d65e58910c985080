import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import sharp from "sharp";
import ar from "../messages/ar.json";
import en from "../messages/en.json";
import fr from "../messages/fr.json";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone, type LocalePrefix } from "./support/auth";

/**
 * Municipal problem reports end to end: a report with the phone's position and a photo carrying
 * EXIF GPS (stored re-encoded, without EXIF), a report with a described place and no JavaScript,
 * a second citizen nearby who joins the first report ("is it one of these?") and the staff who
 * see the people affected and moderate the photo and the report off the public list.
 */
const messages = { ar, fr, en } as const;
const M = (l: LocalePrefix) => messages[l];
/** Haïdra (Kasserine), whose reports go to the demo agent's municipality; a spot of its own per test. */
const spot = () => ({ latitude: 35.56 + Math.random() * 0.01, longitude: 8.46 + Math.random() * 0.01 });

async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "ar-TN", timezoneId: "Africa/Tunis", ...options });
  return context.newPage();
}

/** A 2400×1800 JPEG that carries EXIF with a GPS position (as a phone's camera writes it). */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 120, g: 90, b: 60 } } })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Camera 9" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 34/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "8/1 28/1 0/1" } })
    .toBuffer();
}

async function fillWhat(page: Page, l: LocalePrefix, description: string) {
  const t = M(l).MunicipalReport;
  await page.getByRole("radio", { name: { ar: "رفع الفضلات", fr: "Collecte des déchets", en: "Waste collection" }[l] }).check();
  await page.getByLabel(t.form.governorate).selectOption("kasserine");
  await page.getByLabel(t.form.delegation).selectOption("haidra");
  await page.getByLabel(t.fields.description, { exact: true }).fill(description);
}

const referenceOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

test("a report with the phone's position and a photo carrying GPS, to its confirmation; the stored photo is re-encoded without EXIF (ar)", async ({ browser }) => {
  const l = "ar";
  const t = M(l).MunicipalReport;
  const page = await newPage(browser, { geolocation: spot(), permissions: ["geolocation"] });
  await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests` });
  await page.getByRole("link", { name: M(l).Requests.choose.municipalReport }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  await fillWhat(page, l, "حاويات الفضلات لم تُرفع منذ أسبوع قرب السوق الأسبوعية.");
  await page.getByRole("radio", { name: t.form.modeGps }).check();
  await page.getByRole("button", { name: t.gps.button }).click();
  await expect(page.getByText(/تم تحديد الموقع/)).toBeVisible();

  const original = await photoWithGps();
  // Sent in pieces (tus): the last piece's answer names the attachment the checked file became.
  const uploaded = page.waitForResponse((r) => r.url().includes("/api/uploads/resumable/") && r.request().method() === "PATCH" && r.headers()["idarti-upload-id"] !== undefined);
  await page.getByLabel(t.photos.label).setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: original });
  const upload = await uploaded;
  expect(upload.status()).toBe(204);
  const id = upload.headers()["idarti-upload-id"]!;
  await expect(page.getByRole("img", { name: "الصورة 1" })).toBeVisible();

  await page.getByRole("button", { name: M(l).Requests.continue }).click();
  await expect(page.getByRole("heading", { name: t.check.heading })).toBeVisible();
  await expect(page.getByRole("heading", { name: t.similar.heading })).toBeVisible();
  await expect(page.getByText(t.similar.none)).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("button", { name: t.send, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/my/cases/IDR-`));
  const reference = referenceOf(page);
  await expect(page.getByRole("status").filter({ hasText: reference })).toBeVisible();
  await expect(page.getByRole("heading", { name: M(l).Requests.next.heading })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // The stored photo, as its owner reads it: re-encoded, at most 1600 px, no EXIF at all.
  const stored = await page.request.get(`/api/files/${id}`);
  expect(stored.status()).toBe(200);
  const bytes = Buffer.from(await stored.body());
  expect(bytes.equals(original)).toBe(false);
  const meta = await sharp(bytes).metadata();
  expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(1600);
  expect(meta.exif).toBeUndefined();
  // Nobody else sees it before moderation.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/files/${id}`)).status()).toBe(404);
  await anonymous.close();
  await page.context().close();
});

test("a report with governorate, delegation and a landmark, without JavaScript and without a map (fr)", async ({ browser }) => {
  const l = "fr";
  const t = M(l).MunicipalReport;
  const page = await newPage(browser, { javaScriptEnabled: false, locale: "fr-TN" });
  await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/report/new` });
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expect(page.getByRole("radio", { name: t.form.modeMap })).toHaveCount(0);

  // Nothing chosen: the errors come back on the fields.
  await page.getByRole("button", { name: M(l).Requests.continue }).click();
  await expect(page.getByRole("alert").filter({ hasText: t.errors.categoryRequired })).toBeVisible();

  await fillWhat(page, l, "Un lampadaire est tombé sur le trottoir, les fils sont à nu.");
  await page.getByRole("radio", { name: t.form.modePlace }).check();
  await page.getByLabel(t.form.place).fill("Rue de la République, devant la poste");
  await page.getByRole("button", { name: M(l).Requests.continue }).click();
  await expect(page.getByRole("heading", { name: t.check.heading })).toBeVisible();
  await expect(page.getByText("Rue de la République, devant la poste").first()).toBeVisible();
  await expect(page.getByText("Haïdra — Kasserine")).toBeVisible();
  // (axe needs JavaScript in the page: the same check step is checked with it in the other journeys.)

  await page.getByRole("button", { name: new RegExp(`^(${t.send}|${t.similar.sendAnyway})$`) }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/my/cases/IDR-`));
  await expect(page.getByRole("status").filter({ hasText: referenceOf(page) })).toBeVisible();
  await page.context().close();
});

test("a second citizen nearby joins the first report; staff see 2 people affected and moderate it off the public list (en, fr)", async ({ browser }) => {
  const here = spot();
  // The first citizen's report, with a photo, sent as the phone's outbox sends it.
  const first = await newPage(browser);
  await signIn(first, { phone: uniquePhone(), locale: "en" });
  const key = randomUUID();
  const photo = await first.request.post("/api/uploads", {
    headers: { Origin: new URL(first.url()).origin },
    multipart: { file: { name: "bins.jpg", mimeType: "image/jpeg", buffer: await photoWithGps() }, draftKey: key },
  });
  expect(photo.status()).toBe(201);
  const photoId = ((await photo.json()) as { id: string }).id;
  const sent = await first.request.post("/api/v1/submissions", {
    headers: { "Idempotency-Key": key, Origin: new URL(first.url()).origin },
    data: {
      kind: "municipal-report",
      payload: { category: "waste", governorate: "kasserine", delegation: "haidra", locationMode: "gps", lat: String(here.latitude), lon: String(here.longitude), description: "Bins overflowing by the school gate." },
    },
  });
  expect(sent.status()).toBe(201);
  const { reference } = (await sent.json()) as { reference: string };
  await first.context().close();

  // A second citizen, 20 m away, is offered it and joins it.
  const l = "en";
  const t = M(l).MunicipalReport;
  const page = await newPage(browser, { locale: "en", geolocation: { latitude: here.latitude + 0.00018, longitude: here.longitude }, permissions: ["geolocation"] });
  await signIn(page, { phone: uniquePhone(), locale: l, returnTo: `/${l}/requests/report/new` });
  await fillWhat(page, l, "The bins by the school have not been emptied.");
  await page.getByRole("radio", { name: t.form.modeGps }).check();
  await page.getByRole("button", { name: t.gps.button }).click();
  await expect(page.getByText(/Position found/)).toBeVisible();
  await page.getByRole("button", { name: M(l).Requests.continue }).click();
  await expect(page.getByRole("heading", { name: t.similar.heading })).toBeVisible();
  await expect(page.locator("bdi", { hasText: reference })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await page.getByRole("button", { name: `${t.similar.join} ${reference}` }).click();
  await expect(page).toHaveURL(new RegExp(`/${l}/reports/${reference}\\?joined=1`));
  await expect(page.getByRole("status").filter({ hasText: M(l).PublicReports.joined })).toBeVisible();
  await expect(page.getByText("2 people affected")).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // Staff of the municipality see how many people it concerns, publish it, then hide the photo and the report.
  const staff = await newPage(browser, { locale: "fr-TN" });
  await signIn(staff, { phone: demoAccounts.agent, locale: "fr", returnTo: `/fr/staff/cases/${reference}` });
  const s = M("fr").StaffRequests;
  await expect(staff.getByText("2 personnes concernées")).toBeVisible();
  await staff.getByRole("button", { name: s.approve }).click();
  await expect(staff.getByText(s.approved)).toBeVisible();
  const listed = await page.goto(`/${l}/reports/${reference}`);
  expect(listed?.status()).toBe(200);
  await expect(page.locator(`img[src="/api/files/${photoId}"]`)).toBeVisible();

  await staff.locator("#photo-hide-1-reason").fill("Un visage est reconnaissable");
  await staff.getByRole("button", { name: s.hidePhoto }).click();
  await expect(staff.getByText(`Masquée : Un visage est reconnaissable`)).toBeVisible();
  await page.reload();
  await expect(page.locator(`img[src="/api/files/${photoId}"]`)).toHaveCount(0);

  await staff.locator("#hide-reason").fill("Signalement injurieux");
  await staff.getByRole("checkbox", { name: s.abusive }).check();
  await staff.getByRole("button", { name: s.hide, exact: true }).click();
  await expect(staff.getByText(/Masqué de la liste publique/)).toBeVisible();
  await expectNoSeriousA11yIssues(staff);
  await page.goto(`/${l}/reports?delegation=kasserine/haidra`);
  await expect(page.getByRole("heading", { level: 1, name: M(l).PublicReports.title })).toBeVisible();
  await expect(page.getByText(reference)).toHaveCount(0);
  expect((await page.goto(`/${l}/reports/${reference}`))?.status()).toBe(404);
  await staff.context().close();
  await page.context().close();
});
