import { devices, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { installCallProbe, peers } from "./call-probe";
import { expectNoSeriousA11yIssues } from "./axe";

/** Tunis wall time → instant (Tunisia is UTC+1 all year today; the app itself reads Intl). */
export function tunis(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+01:00`);
}

/** A Monday at least a week after today, as YYYY-MM-DD: the demo availability is weekly. */
export function comingMonday(weeksAhead = 1): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 7 * weeksAhead);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Each participant in a browser context of their own (its own cookies and camera), as on two phones. */
export async function participant(browser: Browser, baseURL: string, locale: "ar-TN" | "fr-TN" = "ar-TN"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL, locale, timezoneId: "Africa/Tunis", permissions: ["camera", "microphone"] });
  await installCallProbe(context);
  const page = await context.newPage();
  return { context, page };
}

/**
 * The remote picture of `role` is really playing: the decoder gave it a size and new frames keep
 * arriving (requestVideoFrameCallback counts them; currentTime advances).
 */
export async function expectVideoPlaying(video: Locator) {
  const page = video.page();
  const connections = () => peers(page);
  try {
    await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).videoWidth), { timeout: 40_000, message: "remote video has a size" }).toBeGreaterThan(0);
  } catch (error) {
    throw new Error(`no remote picture; connections: ${await connections()}`, { cause: error });
  }
  const progress = await video.evaluate(
    (v) =>
      new Promise<{ painted: number; decoded: number; advanced: number }>((resolve) => {
        const el = v as HTMLVideoElement;
        const t0 = el.currentTime;
        const d0 = el.getVideoPlaybackQuality().totalVideoFrames;
        let painted = 0;
        const count = () => {
          painted++;
          el.requestVideoFrameCallback(count);
        };
        el.requestVideoFrameCallback(count);
        setTimeout(() => resolve({ painted, decoded: el.getVideoPlaybackQuality().totalVideoFrames - d0, advanced: el.currentTime - t0 }), 3000);
      }),
  );
  // 15 fps are sent; a loaded machine decodes and paints fewer, but a frozen picture none.
  const context = `${JSON.stringify(progress)}; connections: ${await connections()}`;
  expect(progress.decoded, `new frames decoded in 3 s (${context})`).toBeGreaterThanOrEqual(5);
  expect(progress.painted, "new frames painted in 3 s").toBeGreaterThanOrEqual(1);
  expect(progress.advanced, "currentTime advanced").toBeGreaterThan(1);
}

/** A small real picture (1×1 PNG) for the attachments. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

export const say = {
  ar: { continue: "مواصلة", subjectTitle: "موضوعك", subject: "عن ماذا تريد أن تتحدّث؟", check: "تثبّت من إجاباتك قبل التأكيد", confirm: "تأكيد الموعد", change: "تغيير", subjectRow: "ما تريد التحدّث عنه", files: "صور أو وثائق (اختياري)" },
  fr: { continue: "Continuer", subjectTitle: "Votre sujet", subject: "De quoi voulez-vous parler ?", check: "Vérifiez vos réponses avant de confirmer", confirm: "Confirmer le rendez-vous", change: "Modifier", subjectRow: "Ce dont vous voulez parler", files: "Photos ou documents (facultatif)" },
} as const;

/** From the time to the check page: the subject step (refuses an empty subject), optionally a document. */
export async function subjectAndCheck(page: Page, opts: { locale: "ar" | "fr"; subject: string; file?: string; axe?: boolean }) {
  const s = say[opts.locale];
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.subjectTitle);
  await page.getByRole("button", { name: s.continue }).click();
  await expect(page.locator("[data-error-summary]")).toBeVisible();
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByLabel(s.subject).fill(opts.subject);
  if (opts.file) await page.getByLabel(s.files).setInputFiles({ name: `${opts.file}.png`, mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: s.continue }).click();

  // Check your answers: the subject shown back; nothing is reserved yet.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.check);
  await expect(page.getByText(opts.subject)).toBeVisible();
  if (opts.file) await expect(page.getByRole("link", { name: opts.file })).toBeVisible();
  if (opts.axe) {
    await expectNoSeriousA11yIssues(page);
    // "Change" brings the question back with the answer kept, and returns here.
    await page.getByRole("link", { name: `${s.change} ${s.subjectRow}`, exact: true }).click();
    await expect(page.getByLabel(s.subject)).toHaveValue(opts.subject);
    await page.getByRole("button", { name: s.continue }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.check);
    if (opts.file) await expect(page.getByRole("link", { name: opts.file })).toBeVisible();
  }
}

/** Books through the steps (body, topic, time, subject, check); returns the booking page's path. */
export async function book(page: Page, opts: { locale: "ar" | "fr"; body: RegExp; topic: RegExp; interpreter: boolean; time: string; subject: string; file?: string; axe?: boolean; stopAtCheck?: boolean; origin?: string }) {
  const yes = opts.locale === "ar" ? "نعم" : "Oui";
  const no = opts.locale === "ar" ? "لا" : "Non";
  // `origin`: another app instance than the context's own (e2e/two-instances.spec.ts).
  await page.goto(`${opts.origin ?? ""}/${opts.locale}/interviews`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: opts.locale === "ar" ? "أخذ موعد لمقابلة عن بعد" : "Prendre rendez-vous pour un entretien à distance" }).click();

  await expect(page).toHaveURL(/\/interviews\/book/);
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByLabel(opts.body).check();
  await page.getByRole("button", { name: say[opts.locale].continue }).click();

  await expect(page.getByRole("group", { name: opts.locale === "ar" ? "ما الموضوع؟" : "De quoi s'agit-il ?" })).toBeVisible();
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByLabel(opts.topic).check();
  await page.getByRole("group", { name: opts.locale === "ar" ? /مترجم بلغة الإشارة/ : /interprète en langue des signes/ }).getByLabel(opts.interpreter ? yes : no, { exact: true }).check();
  await page.getByRole("button", { name: say[opts.locale].continue }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(opts.locale === "ar" ? "اختر موعدًا" : "Choisissez un horaire");
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  await page.getByRole("link", { name: new RegExp(`${opts.time}$`) }).first().click();

  await subjectAndCheck(page, opts);
  await expect(page.getByText(opts.time).first()).toBeVisible();
  if (opts.stopAtCheck) return new URL(page.url()).pathname;
  await page.getByRole("button", { name: say[opts.locale].confirm }).click();

  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\?booked=1/);
  await expect(page.getByRole("status")).toContainText(/RDV-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  if (opts.axe) await expectNoSeriousA11yIssues(page);
  return new URL(page.url()).pathname;
}
