import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { LOCALES } from "./support/locales";
import { PUBLIC_ROUTES } from "./support/routes";

test.describe("the app shell", () => {
  test("/ goes to Arabic for an Arabic browser, and to French for a French one", async ({ page, browser }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/ar$/);
    const fr = await browser.newContext({ locale: "fr-FR" });
    const frPage = await fr.newPage();
    await frPage.goto("/");
    await expect(frPage).toHaveURL(/\/fr$/);
    await fr.close();
  });

  test("an unknown browser language falls back to Arabic", async ({ browser }) => {
    const ctx = await browser.newContext({ locale: "de-DE" });
    const page = await ctx.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/ar$/);
    await ctx.close();
  });

  for (const l of LOCALES) {
    test(`home in ${l.prefix} has lang=${l.code} dir=${l.dir} and leads to the main tasks`, async ({ page }) => {
      await page.goto(`/${l.prefix}`);
      await expect(page.locator("html")).toHaveAttribute("lang", l.code);
      await expect(page.locator("html")).toHaveAttribute("dir", l.dir);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Seven tasks, each a link.
      await expect(page.locator("#tasks-heading + ul > li a")).toHaveCount(7);
    });
  }

  test("the language switch keeps the page and goes back", async ({ page }) => {
    await page.goto("/ar/offline");
    await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(/\/fr\/offline$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.getByRole("navigation", { name: "Langue" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/offline$/);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }).click();
    await expect(page).toHaveURL(/\/ar\/offline$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
    await page.goto("/fr");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu principal" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the text size is remembered on the device", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("button", { name: "Larger" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    await expect(page.getByRole("button", { name: "Larger" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "Normal" }).click();
    await expect(page.locator("html")).not.toHaveAttribute("data-text-size", /.+/);
  });

  test("an unknown page shows a not-found page in the right language", async ({ page }) => {
    const res = await page.goto("/fr/nope-not-here");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  });

  for (const l of LOCALES) {
    test(`axe finds nothing serious on the public routes in ${l.prefix}`, async ({ page }) => {
      // One test walks every public route: its budget grows with the list (axe takes seconds a page on a busy machine).
      test.setTimeout(30_000 * PUBLIC_ROUTES.length);
      for (const route of PUBLIC_ROUTES) {
        await page.goto(`/${l.prefix}${route === "/" ? "" : route}`);
        await expect(page.locator("main#main")).toBeVisible();
        await expectNoSeriousA11yIssues(page);
      }
    });
  }
});
