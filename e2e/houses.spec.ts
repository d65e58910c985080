import { expect, test } from "@playwright/test";
import { getGovernorate, getHouse } from "../lib/houses/houses";
import { getService } from "../lib/catalogue/catalogue";
import { formatDate } from "../lib/i18n/format";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { LOCALES } from "./support/locales";
import ar from "../messages/ar.json";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

const messages = { ar, fr, en } as const;
type Lang = keyof typeof messages;
const haidra = getHouse("haidra")!;
const kasserine = getGovernorate("kasserine")!;

/** A wall-clock time in Tunis (UTC+1 all year) as an instant. */
const tunis = (iso: string) => new Date(`${iso}:00+01:00`);

test.describe("service houses", () => {
  for (const l of LOCALES) {
    const lang = l.prefix as Lang;
    const m = messages[lang].Houses;

    test(`${lang}: find Haidra by governorate, without a map`, async ({ page }) => {
      await page.goto(`/${lang}/houses`);
      await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
      await page.getByRole("region", { name: m.byGovernorate }).getByRole("link", { name: kasserine.name[lang], exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(kasserine.name[lang]);
      await page.getByRole("region", { name: m.housesInGovernorate }).getByRole("link", { name: haidra.name[lang] }).click();
      await expect(page.getByRole("heading", { level: 1, name: haidra.name[lang] })).toBeVisible();
      await expect(page.getByRole("link", { name: "+216 77 486 040" })).toHaveAttribute("href", "tel:+21677486040");
      await expect(page.getByRole("link", { name: "hhcommune@gmail.com" })).toHaveAttribute("href", "mailto:hhcommune@gmail.com");
      await expect(page.getByRole("table", { name: m.regularHours })).toBeVisible();
      await expectNoSeriousA11yIssues(page);
    });
  }

  test("find where to pay a SONEDE bill in person (a plain GET form)", async ({ page }) => {
    await page.goto("/fr/houses");
    await page.getByLabel(fr.Houses.serviceLabel).selectOption("pay-sonede-bill");
    await page.getByRole("button", { name: fr.Houses.find }).click();
    await expect(page).toHaveURL(/\/fr\/houses\/for\/pay-sonede-bill$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(getService("pay-sonede-bill")!.title.fr);
    await expect(page.getByRole("link", { name: haidra.name.fr })).toBeVisible();
  });

  test("open now, for a fixed clock: Monday morning, a public holiday, a 24-hour corner", async ({ page }) => {
    const live = en.Houses.live;
    await page.clock.setFixedTime(tunis("2027-01-04T09:00"));
    await page.goto("/en/houses/haidra");
    await expect(page.getByRole("status").filter({ hasText: "Open now" })).toHaveText(live.openUntil.replace("{time}", "12:30"));

    await page.clock.setFixedTime(tunis("2027-01-04T12:45"));
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Closed now" })).toHaveText(live.opensToday.replace("{time}", "13:30"));

    // Friday 9 April 2027 is Martyrs' Day: closed, next opening Monday.
    await page.clock.setFixedTime(tunis("2027-04-09T10:00"));
    await page.reload();
    const status = page.getByRole("status").filter({ hasText: "Closed now" });
    await expect(status).toContainText(live.opensDay.replace("{day}", "Monday").replace("{time}", "08:00"));
    await expect(status).toContainText("Martyrs' Day");

    await page.clock.setFixedTime(tunis("2027-04-09T03:00"));
    await page.goto("/en/houses/demo-sfax-kiosk");
    await expect(page.getByRole("status").filter({ hasText: "Open now" })).toHaveText(live.openAlways);

    // Ramadan hours (approximate dates in the calendar file): 08:00–14:00.
    await page.clock.setFixedTime(tunis("2027-02-15T15:00"));
    await page.goto("/fr/houses/haidra");
    await expect(page.getByRole("status").filter({ hasText: "Fermé" })).toHaveText(fr.Houses.live.opensTomorrow.replace("{time}", "08:00"));

    // The same in Arabic: Monday afternoon, and the public holiday named in Arabic.
    await page.clock.setFixedTime(tunis("2027-01-04T14:00"));
    await page.goto("/ar/houses/haidra");
    await expect(page.getByRole("status").filter({ hasText: "مفتوحة الآن" })).toHaveText(ar.Houses.live.openUntil.replace("{time}", "17:00"));
    await page.clock.setFixedTime(tunis("2027-04-09T10:00"));
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "مغلقة الآن" })).toContainText(ar.Houses.live.opensDay.replace("{day}", "الاثنين").replace("{time}", "08:00"));
  });

  test("without JavaScript the weekly hours are still on the page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "ar-TN" });
    const page = await context.newPage();
    await page.goto("/ar/houses/haidra");
    const table = page.getByRole("table", { name: ar.Houses.regularHours });
    await expect(table.getByRole("row", { name: /الاثنين/ })).toContainText("08:00–12:30 · 13:30–17:00");
    await expect(table.getByRole("row", { name: /الأحد/ })).toContainText(ar.Houses.closed);
    await expect(page.getByRole("status").filter({ hasText: "مفتوحة الآن" })).toHaveCount(0);
    await context.close();
  });

  test("when does the mobile unit come to my place next?", async ({ page }) => {
    await page.clock.setFixedTime(tunis("2027-01-04T10:00"));
    await page.goto("/en/houses/mobile-units");
    const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, "en", "weekdayDate");
    const tour = page.getByRole("table", { name: en.Houses.tourHeading }).first();
    await expect(tour.getByRole("row", { name: /Thala/ })).toContainText("Today, 09:00–13:00");
    await expect(tour.getByRole("row", { name: /Foussana/ })).toContainText(`${day("2027-01-05")}, 09:00–13:00`);
    // First and third Thursday: 7 January; second and fourth: 14 January.
    await expect(tour.getByRole("row", { name: /Jedeliane/ })).toContainText(day("2027-01-07"));
    await expect(tour.getByRole("row", { name: /Majel Bel Abbes/ })).toContainText(day("2027-01-14"));
    await expect(tour.getByRole("row", { name: /Jedeliane/ })).toContainText("the first and third of the month");
    await expectNoSeriousA11yIssues(page);
  });

  test("near me: distances are computed on the device", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-TN", geolocation: { latitude: 35.55, longitude: 8.6 }, permissions: ["geolocation"] });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("/fr/houses");
    await page.getByRole("button", { name: fr.Houses.nearMeButton }).click();
    const nearest = page.getByRole("region", { name: fr.Houses.nearMeHeading }).getByRole("listitem");
    await expect(nearest.first()).toContainText(haidra.name.fr);
    await expect(nearest).toHaveCount(5);
    // Nothing was sent with the position: no request after the click carries coordinates.
    expect(requests.filter((u) => /35\.55|8\.6/.test(u))).toEqual([]);
    await context.close();
  });
});
