import { devices, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

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
  const page = await context.newPage();
  return { context, page };
}

/**
 * The remote picture of `role` is really playing: the decoder gave it a size and new frames keep
 * arriving (requestVideoFrameCallback counts them; currentTime advances).
 */
export async function expectVideoPlaying(video: Locator) {
  const page = video.page();
  const peers = () => page.evaluate(() => JSON.stringify(window.__idartiCall?.peers() ?? null)).catch(() => "?");
  try {
    await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).videoWidth), { timeout: 40_000, message: "remote video has a size" }).toBeGreaterThan(0);
  } catch (error) {
    throw new Error(`no remote picture; connections: ${await peers()}`, { cause: error });
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
  const context = `${JSON.stringify(progress)}; connections: ${await peers()}; quality: ${await page.evaluate(() => JSON.stringify(window.__idartiCall?.quality() ?? null))}`;
  expect(progress.decoded, `new frames decoded in 3 s (${context})`).toBeGreaterThanOrEqual(5);
  expect(progress.painted, "new frames painted in 3 s").toBeGreaterThanOrEqual(1);
  expect(progress.advanced, "currentTime advanced").toBeGreaterThan(1);
}
