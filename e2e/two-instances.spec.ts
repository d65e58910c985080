import { expect, test } from "@playwright/test";
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
  const bookingPath = await book(citizen.page, { locale: "ar", body: /الستاغ/, topic: /فاتورة/, interpreter: false, time: "09:10", subject: "مقابلة بين نسختين من التطبيق" });
  const id = bookingPath.split("/").pop()!;

  await setServerClock(request, tunis(monday, "09:00"));
  const official = await participant(browser, secondBaseURL!, "fr-TN");
  await signIn(official.page, { phone: demoAccounts.officialRegional, locale: "fr" });
  await official.page.goto(`/fr/staff/agenda/${id}`);
  await expect(official.page.getByRole("heading", { level: 1 })).toContainText("RDV-");
  expect(new URL(official.page.url()).origin).toBe(secondBaseURL);

  await citizen.page.goto(`${bookingPath}/call`);
  await expect(citizen.page.getByRole("heading", { name: "قاعة الانتظار" })).toBeVisible();
  await official.page.getByRole("link", { name: "Rejoindre l'appel vidéo" }).click();
  await expect(official.page.getByRole("heading", { name: "En attente d'entrer" })).toBeVisible();
  await official.page.getByRole("button", { name: /Faire entrer/ }).click();

  await expectVideoPlaying(citizen.page.locator('figure[data-role="official"] video[data-remote]'));
  await expectVideoPlaying(official.page.locator('figure[data-role="citizen"] video[data-remote]'));
  console.info(`call across two instances: connected in ${await citizen.page.evaluate(() => window.__idartiCall?.connectMs ?? null)} ms`);
  await official.page.getByRole("button", { name: "Raccrocher" }).click();
  await expect(citizen.page.locator('figure[data-role="official"]')).toHaveCount(0);
  for (const p of [citizen, official]) await p.context.close();
});

test("fr/ar: two citizens on two instances confirm the same time at the same moment: one booking, the other is offered the nearest times", async ({ browser, baseURL, request }) => {
  const tuesday = addDays(monday, 1);
  await setServerClock(request, tunis(tuesday, "07:00"));
  const one = await participant(browser, baseURL!, "ar-TN");
  await signIn(one.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const two = await participant(browser, secondBaseURL!, "fr-TN");
  await signIn(two.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  // Both reach "check your answers" for 10:30, each on their own instance: nothing is held yet.
  await book(one.page, { locale: "ar", body: /الستاغ/, topic: /فاتورة/, interpreter: false, time: "10:30", subject: "نفس الموعد", stopAtCheck: true });
  await book(two.page, { locale: "fr", body: /STEG/, topic: /Une facture/, interpreter: false, time: "10:30", subject: "Le même horaire", stopAtCheck: true });

  await Promise.all([
    one.page.getByRole("button", { name: say.ar.confirm }).click(),
    two.page.getByRole("button", { name: say.fr.confirm }).click(),
  ]);
  const booked = /\/interviews\/[0-9a-f-]{36}\?booked=1/;
  const taken = { ar: "حُجز هذا الموعد للتوّ", fr: "Cet horaire vient d'être pris" };
  // Exactly one wins; the other is told, and offered other times (not 10:30).
  await expect.poll(async () => [booked.test(one.page.url()), booked.test(two.page.url())].filter(Boolean).length, { timeout: 30_000 }).toBe(1);
  const [winner, loser, lang] = booked.test(one.page.url()) ? [one, two, "fr" as const] : [two, one, "ar" as const];
  await expect(winner.page.getByRole("status")).toContainText(/RDV-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  const region = loser.page.getByRole("region", { name: taken[lang] });
  await expect(region).toBeVisible();
  await expect(region.getByRole("link").first()).toBeVisible();
  await expect(region.getByRole("link", { name: /10:30$/ })).toHaveCount(0);
  for (const p of [one, two]) await p.context.close();
});
