import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { setServerClock } from "./support/clock";
import { decideInD17, newWallet } from "./support/payments";
import ar from "../messages/ar.json";
import fr from "../messages/fr.json";
import en from "../messages/en.json";
import onlineSafety from "../lib/learning/data/lessons/03-online-safety.json";

/**
 * Practice mode (docs/adr/0022-practice-mode.md) and group sessions (issue 18). Practice: the
 * real forms in a sandbox marked on every screen; a D17 payment approved in the simulator, a
 * complaint and a booking, and not one row more in the real queues, ledger, agendas or SMS outbox
 * (the test server's row counts, /api/test/real-rows). Group sessions: a volunteer plans one, a
 * citizen registers from the lessons, another at the corner by phone, and the day-before SMS
 * reminder reaches the outbox (the server clock moved a day and a half: this spec runs alone).
 */
const M = { ar, fr, en } as const;
type L = keyof typeof M;

/**
 * The real tables' row counts, but the SMS outbox's: the notification dispatcher retries an earlier
 * journey's failed delivery on its own schedule (CI saw one SMS row appear mid-test, with no new
 * notification or delivery row). Practice's SMS would come through notifications and deliveries,
 * which are counted, and the payer's number is checked to have received nothing.
 */
async function realRows(page: Page): Promise<Record<string, number>> {
  const res = await page.request.post("/api/test/real-rows");
  expect(res.ok()).toBe(true);
  const { smsOutbox: _dispatcherMayRetry, ...rows } = (await res.json()) as Record<string, number>;
  return rows;
}

/**
 * The counts once the server's background work is quiet: the dispatcher may still be delivering
 * what an earlier journey queued. Two reads 1.5 s apart that agree, within 20 s.
 */
async function quietRows(page: Page): Promise<Record<string, number>> {
  let last = await realRows(page);
  for (let i = 0; i < 13; i++) {
    await page.waitForTimeout(1_500);
    const next = await realRows(page);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error("the real tables never stopped changing");
}

async function expectBanner(page: Page, l: L) {
  await expect(page.getByRole("status").filter({ hasText: M[l].Practice.banner.title })).toBeVisible();
  // Every practice page's title says so too (announced when the page opens).
  await expect(page).toHaveTitle({ ar: /تدريب/, fr: /ntraînement/, en: /ractice/ }[l]);
}

/** Starts a practice from the hub, and waits for it to have started (the page changes under the click). */
async function startPractice(page: Page, l: L) {
  await page.getByRole("button", { name: M[l].Practice.start }).click();
  await expect(page.getByRole("button", { name: M[l].Practice.end })).toBeVisible();
}

/** A journey of the hub's list (the breadcrumb may hold a lesson of the same name). */
function journey(page: Page, l: L, kind: "complaint" | "payment" | "booking") {
  return page.getByRole("list", { name: M[l].Practice.chooseHeading }).getByRole("link", { name: M[l].Practice.journeys[kind] });
}

async function noHorizontalScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 780 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test.describe("practice mode", () => {
  test("pays with the D17 simulator in practice: approved, and nothing in the real ledger, queue or SMS outbox (ar)", async ({ page, context, request }) => {
    const w = M.ar;
    const wallet = await newWallet(request);
    const before = await quietRows(page);

    await page.goto("/ar/learn/pay-with-d17");
    await page.getByRole("link", { name: w.Lessons.practiseLink }).click();
    await expect(page).toHaveURL(/\/ar\/learn\/practice\?lesson=pay-with-d17$/);
    await expectBanner(page, "ar");
    await expectNoSeriousA11yIssues(page);
    await startPractice(page, "ar");

    await journey(page, "ar", "payment").click();
    await expect(page.getByRole("heading", { level: 1, name: w.Practice.titles.pay })).toBeVisible();
    await expectBanner(page, "ar");
    await expectNoSeriousA11yIssues(page);
    // The real form's rule and message: a number that is not a mobile number is refused on the field.
    await page.getByLabel(w.Pay.check.phone).fill("12");
    await page.getByRole("button", { name: w.Practice.send.payment }).click();
    await expect(page.getByText(w.Auth.phone.errors.invalid).first()).toBeVisible();
    await page.getByLabel(w.Pay.check.phone).fill(wallet.local);
    await page.getByRole("button", { name: w.Practice.send.payment }).click();

    await expect(page.getByRole("heading", { level: 1, name: w.Pay.wait.title })).toBeVisible({ timeout: 20_000 });
    await expectBanner(page, "ar");
    const reference = (await page.locator("bdi", { hasText: /^PRACTICE-/ }).first().textContent())!;
    expect(reference).toMatch(/^PRACTICE-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectNoSeriousA11yIssues(page);

    await decideInD17(context, wallet, "approve");
    await page.getByRole("link", { name: w.Pay.wait.checkNow }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.Practice.pay.paidTitle })).toBeVisible();
    await expectBanner(page, "ar");
    await noHorizontalScroll(page);

    // Nothing real: no payment, ledger row, case, booking, notification or SMS was written (the
    // D17 callback of the practice payment was acknowledged and ignored).
    await expect.poll(async () => JSON.stringify(await realRows(page)), { timeout: 8_000 }).toBe(JSON.stringify(before));
    const sms = await (await page.request.get(`/ar/dev/sms?to=${encodeURIComponent(wallet.phone)}`)).text();
    expect(sms).not.toContain('data-testid="sms-text"');

    // Ending the practice deletes it and leaves the sandbox.
    await page.goto("/ar/learn/practice");
    await expect(page.getByText(reference)).toBeVisible();
    await page.getByRole("button", { name: w.Practice.end }).click();
    await expect(page).toHaveURL(/\/ar\/learn\/pay-with-d17$/);
    await page.goto("/ar/learn/practice/pay");
    await expect(page).toHaveURL(/\/ar\/learn\/practice$/);
    await expect(page.getByRole("button", { name: w.Practice.start })).toBeVisible();
  });

  test("a practice complaint and a practice booking, with the real forms' rules (fr)", async ({ page }) => {
    const w = M.fr;
    const before = await quietRows(page);
    await page.goto("/fr/learn/practice?lesson=file-a-complaint");
    await startPractice(page, "fr");

    await journey(page, "fr", "complaint").click();
    await expectBanner(page, "fr");
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("radio", { name: /Électricité et du Gaz/ }).check();
    await page.getByRole("button", { name: w.Requests.continue }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.Practice.titles.complaint })).toBeVisible();
    await expectBanner(page, "fr");
    await expectNoSeriousA11yIssues(page);
    // Sent empty: the real complaint's messages.
    await page.getByRole("button", { name: w.Practice.send.complaint }).click();
    await expect(page.getByText(w.Complaint.errors.categoryRequired).first()).toBeVisible();
    await page.getByRole("radio", { name: "Facturation" }).check();
    await page.getByLabel(w.Complaint.fields.description).fill("Ma facture de novembre compte deux fois le même mois.");
    await page.getByRole("button", { name: w.Practice.send.complaint }).click();
    await expect(page.getByRole("status").filter({ hasText: w.Practice.done.complaint })).toBeVisible();
    await expect(page.getByText(w.Practice.forReal.complaint)).toBeVisible();

    await journey(page, "fr", "booking").click();
    await expectBanner(page, "fr");
    await page.getByRole("radio", { name: w.Interviews.bodies.steg }).check();
    await page.getByRole("button", { name: w.Booking.continue }).click();
    await expect(page.getByRole("heading", { level: 1, name: w.Practice.titles.book })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("radio", { name: w.Interviews.topics.billing }).check();
    await page.getByRole("group", { name: w.Booking.slotQuestion }).getByRole("radio").first().check();
    await page.getByLabel(w.Booking.subjectLabel).fill("Une question sur ma facture");
    await page.getByRole("button", { name: w.Practice.send.booking }).click();
    await expect(page.getByRole("status").filter({ hasText: w.Practice.done.booking })).toBeVisible();
    await expect(page.getByRole("list", { name: w.Practice.doneHeading }).getByRole("listitem")).toHaveCount(2);
    await noHorizontalScroll(page);

    expect(await realRows(page)).toEqual(before);
    await page.getByRole("button", { name: w.Practice.end }).click();
    await expect(page).toHaveURL(/\/fr\/learn\/file-a-complaint$/);
  });

  test("every new page passes axe and fits 360 px, in the three languages", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const l of ["ar", "fr", "en"] as const) {
      await page.goto(`/${l}/learn/practice`);
      await expectBanner(page, l);
      await expectNoSeriousA11yIssues(page);
      const start = page.getByRole("button", { name: M[l].Practice.start });
      if (await start.isVisible()) await start.click();
      await expect(page.getByRole("button", { name: M[l].Practice.end })).toBeVisible();
      for (const path of ["/learn/practice", "/learn/practice/complaint", "/learn/practice/complaint?body=steg", "/learn/practice/pay", "/learn/practice/book", "/learn/practice/book?body=steg", "/learn/groups"]) {
        await page.goto(`/${l}${path}`);
        if (path.startsWith("/learn/practice")) await expectBanner(page, l);
        await expectNoSeriousA11yIssues(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${l}${path} at 360 px`).toBeLessThanOrEqual(360);
      }
    }
    await signIn(page, { phone: demoAccounts.volunteer, locale: "fr", returnTo: "/fr/volunteer/groups" });
    for (const l of ["ar", "fr", "en"] as const) {
      await page.goto(`/${l}/volunteer/groups`);
      await expect(page.getByRole("heading", { level: 1, name: M[l].Groups.volunteer.title })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${l}/volunteer/groups at 360 px`).toBeLessThanOrEqual(360);
    }
  });
});

/** "2026-12-09T10:00" two days ahead at 10:00, Tunis time (what a datetime-local field takes). */
function tunisLocal(daysAhead: number): { value: string; at: Date } {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tunis", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + daysAhead * 86_400_000));
  // Tunis is UTC+1 all year (no DST today).
  return { value: `${day}T10:00`, at: new Date(`${day}T09:00:00Z`) };
}

test.describe("group sessions", () => {
  test.afterEach(async ({ request }) => {
    await setServerClock(request, null);
  });

  test("a volunteer plans a session; citizens register from the lessons and at the corner; the SMS reminder comes the day before (ar, fr)", async ({ browser }) => {
    const when = tunisLocal(2);
    const topic = `Atelier ${Date.now()}`;

    // The volunteer (Haidra's digital-skills space) plans a session, in Arabic.
    const vc = await browser.newContext({ locale: "ar-TN", timezoneId: "Africa/Tunis" });
    const vp = await vc.newPage();
    await signIn(vp, { phone: demoAccounts.volunteer, locale: "ar", returnTo: "/ar/volunteer/groups" });
    await expect(vp.getByRole("heading", { level: 1, name: ar.Groups.volunteer.title })).toBeVisible();
    await expectNoSeriousA11yIssues(vp);
    await vp.getByLabel(ar.Groups.fields.startsAt).fill(when.value);
    await vp.getByLabel(ar.Groups.fields.topic).fill(topic);
    await vp.getByLabel(ar.Groups.fields.seats).fill("2");
    await vp.getByRole("button", { name: ar.Groups.volunteer.schedule }).click();
    await expect(vp.getByRole("status").filter({ hasText: ar.Groups.volunteer.scheduled })).toBeVisible();
    const item = vp.getByRole("listitem").filter({ hasText: topic });
    await expect(item).toContainText("0 من 2");

    // A citizen registers from the lessons' group sessions page, in French.
    const cc = await browser.newContext({ locale: "fr-TN", timezoneId: "Africa/Tunis" });
    const cp = await cc.newPage();
    const citizen = uniquePhone();
    await cp.goto("/fr/learn");
    await cp.getByRole("link", { name: fr.Groups.title }).click();
    await expect(cp.getByRole("heading", { level: 1, name: fr.Groups.title })).toBeVisible();
    await signIn(cp, { phone: citizen, locale: "fr", returnTo: "/fr/learn/groups", name: "Salma Test" });
    const mine = cp.getByRole("listitem").filter({ hasText: topic });
    await expect(mine).toContainText("2 places restantes");
    await mine.getByRole("button", { name: new RegExp(fr.Groups.register) }).click();
    await expect(cp.getByRole("status").filter({ hasText: fr.Groups.registeredTitle })).toBeVisible();
    await expect(cp.getByRole("listitem").filter({ hasText: topic })).toContainText(fr.Groups.youAreRegistered);
    await expectNoSeriousA11yIssues(cp);
    await noHorizontalScroll(cp);

    // At the corner, the volunteer registers a citizen without a smartphone by phone number: the last seat.
    const walkIn = uniquePhone();
    await vp.reload();
    await item.getByLabel(ar.Groups.fields.phone).fill(walkIn.replace("+216", ""));
    await item.getByRole("button", { name: ar.Groups.volunteer.registerByPhone }).click();
    await expect(vp.getByRole("status").filter({ hasText: ar.Groups.registeredTitle })).toBeVisible();
    await expect(vp.getByRole("listitem").filter({ hasText: topic }).first()).toContainText("2 من 2");
    // Full: no more registration offered.
    await expect(vp.getByRole("listitem").filter({ hasText: topic }).getByRole("button", { name: ar.Groups.volunteer.registerByPhone })).toHaveCount(0);
    await noHorizontalScroll(vp);

    // The day before: the reminder goes by SMS to both, through the notifications' outbox.
    await setServerClock(vp.request, new Date(when.at.getTime() - 20 * 3_600_000));
    for (const phone of [citizen, walkIn]) {
      await expect
        .poll(async () => (await (await vp.request.get(`/fr/dev/sms?to=${encodeURIComponent(phone)}`)).text()).includes(topic), { timeout: 45_000, message: `the reminder to ${phone}` })
        .toBe(true);
    }
    await vc.close();
    await cc.close();
  });

  test("the volunteer's page is not for citizens (404)", async ({ page }) => {
    await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/account" });
    const res = await page.goto("/fr/volunteer/groups");
    expect(res?.status()).toBe(404);
  });
});

test.describe("lesson progress in the account", () => {
  test("a lesson finished on one phone shows as finished on another after signing in (fr)", async ({ browser }) => {
    const phone = uniquePhone();
    const synced = (page: Page) => page.evaluate(() => sessionStorage.getItem("idarti.learn.synced"));

    const a = await browser.newContext({ locale: "fr-TN", timezoneId: "Africa/Tunis" });
    const pa = await a.newPage();
    await signIn(pa, { phone, locale: "fr", name: "Amel Test" });
    // The first signed-in page merges this phone's progress with the account's.
    await expect.poll(() => synced(pa)).not.toBeNull();
    await pa.goto("/fr/learn/online-safety");
    // The lesson page is lean (docs/adr/0021): no server action there. The last answer keeps the
    // score on the phone and forgets the merge note, so the next signed-in page sends it.
    for (const q of onlineSafety.questions) await pa.getByRole("radio", { name: q.choices.find((c) => c.correct)!.text.fr }).check();
    await expect(pa.getByTestId("feedback-1")).toContainText(fr.LessonQuiz.right);
    await expect.poll(() => synced(pa)).toBeNull();
    await pa.goto("/fr/my");
    await expect.poll(() => synced(pa)).not.toBeNull();
    await a.close();

    // Another phone, never used for this lesson: after signing in, the lesson is finished there too.
    const b = await browser.newContext({ locale: "fr-TN", timezoneId: "Africa/Tunis" });
    const pb = await b.newPage();
    await pb.goto("/fr/learn");
    // The badge is in the page's HTML, hidden until this device's progress says "done" (docs/adr/0021).
    await expect(pb.getByRole("listitem").filter({ hasText: onlineSafety.title.fr }).getByText(fr.LessonQuiz.doneBadge)).toBeHidden();
    await signIn(pb, { phone, locale: "fr", reuse: false });
    await expect.poll(() => synced(pb)).not.toBeNull();
    await pb.goto("/fr/learn");
    await expect(pb.getByRole("listitem").filter({ hasText: onlineSafety.title.fr }).getByText(fr.LessonQuiz.doneBadge)).toBeVisible();
    await b.close();
  });
});
