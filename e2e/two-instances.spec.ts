import { expect, test } from "@playwright/test";
import { connectMs } from "./support/call-probe";
import { secondBaseURL } from "../playwright.config";
import { demoAccounts, signIn } from "./support/auth";
import { setServerClock } from "./support/clock";
import { addDays, book, comingMonday, expectVideoPlaying, participant, say, tunis } from "./support/interviews";

/**
 * Two app instances on two ports against one PostgreSQL (scripts/ci-postgres.sh starts the second
 * with E2E_SECOND_PORT): a call whose two sides talk to different instances (signaling fanned out
 * through LISTEN/NOTIFY), and two citizens on different instances confirming the same time at
 * once (the database constraint decides, not a process's memory). PGlite is one process: these
 * run only on PostgreSQL.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);
test.skip(!secondBaseURL, "needs two app instances on one PostgreSQL (scripts/ci-postgres.sh)");

const monday = comingMonday(3);

test.afterAll(async ({ request }) => {
  await setServerClock(request, null);
});

test("ar/fr: the citizen on one instance, the official on the other: lobby, admit, live video both ways", async ({ browser, baseURL, request }) => {
  await setServerClock(request, tunis(monday, "07:30"));
  const citizen = await participant(browser, baseURL!, "ar-TN");
  await signIn(citizen.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const bookingPath = await book(citizen.page, { locale: "ar", body: /الستاغ/, topic: /فاتورة/, interpreter: false, time: "09:10", subject: "مقابلة بين نسختين من التطبيق", file: "facture-steg" });
  const id = bookingPath.split("/").pop()!;
  const fileHref = await citizen.page.getByRole("region", { name: "وثائقك" }).getByRole("link", { name: "facture-steg" }).getAttribute("href");
  expect(fileHref).toMatch(/^\/api\/interviews\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/);

  await setServerClock(request, tunis(monday, "09:00"));
  // Over an hour later: the citizen's session has idled out (60 minutes), as it would for a person: sign in again.
  await signIn(citizen.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const official = await participant(browser, secondBaseURL!, "fr-TN");
  await signIn(official.page, { phone: demoAccounts.officialRegional, locale: "fr" });
  await official.page.goto(`/fr/staff/agenda/${id}`);
  await expect(official.page.getByRole("heading", { level: 1 })).toContainText("RDV-");
  expect(new URL(official.page.url()).origin).toBe(secondBaseURL);
  // The file the citizen sent through the first instance, read through the second: each instance
  // has its own disk, so the bytes come from the shared S3-compatible store.
  const file = await official.page.evaluate(async (u) => {
    const res = await fetch(u);
    return { status: res.status, type: res.headers.get("content-type"), bytes: (await res.arrayBuffer()).byteLength };
  }, fileHref!);
  expect(file).toMatchObject({ status: 200, type: "image/png" });
  expect(file.bytes).toBeGreaterThan(0);

  await citizen.page.goto(`${bookingPath}/call`);
  await expect(citizen.page.getByRole("heading", { name: "قاعة الانتظار" })).toBeVisible();
  await official.page.getByRole("link", { name: "Rejoindre l'appel vidéo" }).click();
  await expect(official.page.getByRole("heading", { name: "En attente d'entrer" })).toBeVisible();
  await official.page.getByRole("button", { name: /Faire entrer/ }).click();

  await expectVideoPlaying(citizen.page.locator('figure[data-role="official"] video[data-remote]'));
  await expectVideoPlaying(official.page.locator('figure[data-role="citizen"] video[data-remote]'));
  console.info(`call across two instances: connected in ${await connectMs(citizen.page)} ms`);
  await official.page.getByRole("button", { name: "Raccrocher" }).click();
  await expect(citizen.page.locator('figure[data-role="official"]')).toHaveCount(0);
  for (const p of [citizen, official]) await p.context.close();
});

test("ar/fr: 20 confirmations of the same time at the same moment, half through each instance: one booking, the others are offered the nearest times", async ({ browser, baseURL, request }) => {
  const tuesday = addDays(monday, 1);
  await setServerClock(request, tunis(tuesday, "07:00"));
  // Two citizens, ten open "check your answers" pages each: the Arabic one on the first
  // instance, the French one on the second. Every page holds its own answers (its own key).
  const ar = await participant(browser, baseURL!, "ar-TN");
  await signIn(ar.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const fr = await participant(browser, secondBaseURL!, "fr-TN");
  await signIn(fr.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  const attempts = [
    ...(await Promise.all(Array.from({ length: 10 }, () => ar.context.newPage()))).map((page) => ({ page, locale: "ar" as const })),
    ...(await Promise.all(Array.from({ length: 10 }, () => fr.context.newPage()))).map((page) => ({ page, locale: "fr" as const })),
  ];
  // Five at a time to the check page (twenty at once would only measure this machine).
  for (let i = 0; i < attempts.length; i += 5) {
    await Promise.all(
      attempts.slice(i, i + 5).map(({ page, locale }) =>
        locale === "ar"
          ? book(page, { locale, body: /الستاغ/, topic: /فاتورة/, interpreter: false, time: "10:30", subject: "نفس الموعد", stopAtCheck: true })
          : book(page, { locale, body: /STEG/, topic: /Une facture/, interpreter: false, time: "10:30", subject: "Le même horaire", stopAtCheck: true, origin: secondBaseURL }),
      ),
    );
  }
  for (const { page } of attempts.slice(10)) expect(new URL(page.url()).origin).toBe(secondBaseURL);

  await Promise.all(attempts.map(({ page, locale }) => page.getByRole("button", { name: say[locale].confirm }).click()));
  const booked = /\/interviews\/[0-9a-f-]{36}\?booked=1/;
  const taken = { ar: "حُجز هذا الموعد للتوّ", fr: "Cet horaire vient d'être pris" };
  for (const { page, locale } of attempts) await expect(page.getByRole("status").filter({ hasText: /RDV-/ }).or(page.getByRole("region", { name: taken[locale] }))).toBeVisible({ timeout: 60_000 });
  const winners = attempts.filter(({ page }) => booked.test(page.url()));
  expect(winners, "exactly one confirmation holds the time").toHaveLength(1);
  // Every other one is told, and offered other times (never 10:30).
  for (const { page, locale } of attempts.filter((a) => !winners.includes(a))) {
    const region = page.getByRole("region", { name: taken[locale] });
    await expect(region).toBeVisible();
    await expect(region.getByRole("link", { name: /10:30$/ })).toHaveCount(0);
  }
  for (const p of [ar, fr]) await p.context.close();
});
