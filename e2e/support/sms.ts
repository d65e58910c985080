import { expect, type Page } from "@playwright/test";

/**
 * The 6-digit code last sent to this phone for `ref` (an SMS of the outbox page, demo mode):
 * "walk-in" for a filing at the counter, "interview-walk-in" for a booking there, "guidance" for a
 * citizen's consent to a volunteer's guidance session.
 */
export async function smsCode(page: Page, phone: string, ref: "walk-in" | "interview-walk-in" | "guidance"): Promise<string> {
  let code: string | undefined;
  const pattern = new RegExp(`data-ref="${ref}"[\\s\\S]*?data-testid="sms-text"[^>]*>[^<]*?\\b(\\d{6})\\b`);
  await expect
    .poll(
      async () => {
        const html = await (await page.request.get(`/fr/dev/sms?to=${encodeURIComponent(phone)}`)).text();
        code = pattern.exec(html)?.[1];
        return code ?? null;
      },
      { timeout: 10_000 },
    )
    .not.toBeNull();
  return code!;
}
