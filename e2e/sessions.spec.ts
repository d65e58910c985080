import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { setServerClock } from "./support/clock";

/**
 * Sessions on shared screens: staff and volunteers work at service-house counters, so 30 idle
 * minutes sign them out; a citizen, after 60 idle minutes (a phone left on a table, a family
 * computer), and 12 hours at most. (The self-service corner's own limits: e2e/kiosk.spec.ts.)
 * These journeys move the server's clock: they reset it whatever happens.
 */
test.describe("sessions", () => {
  test.describe.configure({ timeout: 150_000 });
  test.afterEach(async ({ request }) => setServerClock(request, null));

  test("ar: an agent idle for 30 minutes is signed out; a citizen idle as long is not, but is after 60", async ({ page, browser, request }) => {
    const start = new Date();
    await setServerClock(request, start);
    await signIn(page, { phone: demoAccounts.agent, locale: "ar", returnTo: "/ar/staff", reuse: false });
    await expect(page).toHaveURL(/\/ar\/staff$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const other = await browser.newContext({ locale: "ar-TN" });
    const citizen = await other.newPage();
    await signIn(citizen, { phone: uniquePhone(), locale: "ar", returnTo: "/ar/my", reuse: false, name: "مواطن" });
    await expect(citizen).toHaveURL(/\/ar\/my$/);

    // 29 minutes later the agent is still in (and that visit counts as activity).
    await setServerClock(request, new Date(start.getTime() + 29 * 60_000));
    await page.goto("/ar/staff");
    await expect(page).toHaveURL(/\/ar\/staff$/);

    // 30 more idle minutes: out, back to the sign-in page that returns to the queue.
    await setServerClock(request, new Date(start.getTime() + 60 * 60_000));
    await page.goto("/ar/staff");
    await expect(page).toHaveURL(/\/ar\/sign-in\?returnTo=%2Far%2Fstaff/);

    // The citizen, idle 59 minutes, is still signed in (and that visit counts as activity)…
    await setServerClock(request, new Date(start.getTime() + 59 * 60_000));
    await citizen.goto("/ar/my");
    await expect(citizen).toHaveURL(/\/ar\/my$/);
    // …and out after 60 idle minutes.
    await setServerClock(request, new Date(start.getTime() + 119 * 60_000));
    await citizen.goto("/ar/my");
    await expect(citizen).toHaveURL(/\/ar\/sign-in\?returnTo=%2Far%2Fmy/);
    await other.close();
  });

  for (const locale of ["ar", "fr"] as const) {
    test(`${locale}: the signed-in pages pass axe (my file, unsent, inbox, account, notifications)`, async ({ page }) => {
      await signIn(page, { phone: uniquePhone(), locale, returnTo: `/${locale}/my`, reuse: false, name: "Axe" });
      for (const path of ["/my", "/my/unsent", "/my/inbox", "/account", "/account/notifications"]) {
        await page.goto(`/${locale}${path}`);
        await expect(page).toHaveURL(new RegExp(`/${locale}${path}$`));
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousA11yIssues(page);
      }
    });
  }
});
