import { expect, test } from "@playwright/test";

test.describe("learning digital skills", () => {
  test("a citizen opens a lesson from the home page (ar)", async ({ page }) => {
    await page.goto("/ar");
    await page.getByRole("link", { name: "تعلّم المهارات الرقمية" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "تعلّم المهارات الرقمية" })).toBeVisible();
    await page.getByRole("link", { name: "الأمان على الخط" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "الأمان على الخط" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "رمز التحقق" }).first()).toBeVisible();
  });

  test("the same lesson by keyboard in French", async ({ page }) => {
    await page.goto("/fr/learn");
    const link = page.getByRole("link", { name: "Payer une facture avec D17" });
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/fr\/learn\/pay-with-d17$/);
    await expect(page.getByText("10 minutes")).toBeVisible();
    await page.getByRole("navigation", { name: "Vous êtes ici" }).getByRole("link", { name: "Apprendre le numérique" }).click();
    await expect(page).toHaveURL(/\/fr\/learn$/);
  });
});
