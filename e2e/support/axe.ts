import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe on the current page: no serious or critical violation. Prints what it found on failure. */
export async function expectNoSeriousA11yIssues(page: Page) {
  // Audit the finished page: Next streams a dynamic page's metadata (its <title>) after the
  // content, and a loaded machine can be caught between the two.
  await page.waitForLoadState("load");
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}
