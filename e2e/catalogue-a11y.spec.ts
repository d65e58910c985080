import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { LOCALES } from "./support/locales";

/** Every kind of page of the catalogue and the houses finder (the shell spec covers a few of them in PUBLIC_ROUTES). */
const ROUTES = [
  "/services",
  "/services/search?q=%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9",
  "/services/search?q=zzzz",
  "/services/building-permit",
  "/services/building-permit/checklist",
  "/services/building-permit/guide",
  "/services/building-permit/guide?asked=area",
  "/services/building-permit/guide?area=over-500&protected=yes",
  "/services/bodies/steg",
  "/services/categories/bills",
  "/services/all",
  "/life-events",
  "/life-events/moving-house",
  "/houses",
  "/houses/haidra",
  "/houses/demo-mobile-kasserine",
  "/houses/demo-sfax-kiosk",
  "/houses/governorates/kasserine",
  "/houses/for/pay-sonede-bill",
  "/houses/mobile-units",
  "/houses/all",
  "/houses/governorates/all",
  "/services/bodies/all",
  "/services/categories/all",
];

/**
 * Arabic (right to left, the default) walks every route; French and English walk one page of each
 * template (the same markup in another language and direction), which keeps CI short.
 */
const TEMPLATES = new Set([
  "/services",
  "/services/search?q=zzzz",
  "/services/building-permit",
  "/services/building-permit/checklist",
  "/services/building-permit/guide?area=over-500&protected=yes",
  "/services/bodies/steg",
  "/life-events/moving-house",
  "/houses/haidra",
  "/houses/demo-mobile-kasserine",
  "/houses/governorates/kasserine",
  "/houses/governorates/all",
]);

test.describe("axe on every catalogue and houses page", () => {
  for (const l of LOCALES) {
    for (const route of ROUTES.filter((r) => l.prefix === "ar" || TEMPLATES.has(r))) {
      test(`${l.prefix}${route}`, async ({ page }) => {
        // The one-page catalogue holds every procedure: axe takes long on it on a busy 2-core machine.
        test.setTimeout(route.endsWith("/all") ? 300_000 : 90_000);
        await page.goto(`/${l.prefix}${route}`);
        await expect(page.locator("html")).toHaveAttribute("dir", l.dir);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousA11yIssues(page);
      });
    }
  }
});
