import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { signIn, uniquePhone } from "./support/auth";

/**
 * Issue 12, point 9: a NUL byte in a text field was a 500 (PostgreSQL refuses 0x00), which the
 * client outbox retries for ever. Now it is a field error in the citizen's language, a final 422.
 */
const message = {
  ar: "يحتوي هذا الحقل على رموز تحكّم غير مرئية",
  fr: "Ce champ contient des caractères de contrôle invisibles",
};

test("fr: a complaint with a NUL byte posted to the outbox endpoint → 422 with the field's message, not a 500", async ({ page }) => {
  await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/my" });
  const post = (payload: Record<string, unknown>) =>
    page.request.post("/api/v1/submissions", {
      headers: { origin: baseURL, "idempotency-key": randomBytes(16).toString("base64url") },
      data: { kind: "complaint", payload, locale: "fr-TN" },
    });
  const res = await post({ bodyId: "steg", category: "outage", description: "Plus d'électricité\u0000 dans notre rue depuis hier soir." });
  expect(res.status()).toBe(422);
  const body = await res.json();
  expect(body.error.code).toBe("validation");
  expect(body.error.fields.description).toContain(message.fr);
  // The same complaint without the NUL byte goes through.
  const ok = await post({ bodyId: "steg", category: "outage", description: "Plus d'électricité dans notre rue depuis hier soir." });
  expect(ok.status()).toBe(201);
});

test("ar: a NUL byte typed into the complaint form is shown as a field error, and nothing is sent", async ({ page }) => {
  await signIn(page, { phone: uniquePhone(), locale: "ar", returnTo: "/ar/requests/complaint/new?body=steg" });
  await expect(page.getByRole("heading", { level: 1, name: "تقديم شكوى" })).toBeVisible();
  await page.getByLabel("الفوترة", { exact: true }).check();
  const description = page.getByLabel("صف ما حدث", { exact: true });
  await description.fill("فاتورة شهر فيفري احتسبت الاستهلاك مرتين.");
  // A control character pasted in (fill cannot type one): set the value as a paste would.
  await description.evaluate((el: HTMLTextAreaElement) => {
    el.value = el.value + "\u0000";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const failures: number[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) failures.push(r.status());
  });
  await page.getByRole("button", { name: "مواصلة" }).click();
  const check = page.getByRole("heading", { level: 1, name: "تثبّت من إجاباتك قبل الإرسال" });
  if (await check.isVisible({ timeout: 5_000 }).catch(() => false)) await page.getByRole("button", { name: "إرسال الشكوى" }).click();
  await expect(page.getByText(message.ar).first()).toBeVisible();
  await expect(page).not.toHaveURL(/\/my\/cases\/IDR-[^/]+\/sent$/);
  expect(failures).toEqual([]);
});
