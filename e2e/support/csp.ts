import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";

/**
 * Content-Security-Policy violations, as Chromium reports them (docs/adr/0014). Two sources, so
 * nothing slips by: the `securitypolicyviolation` event of every document (through a binding
 * registered before any page script runs) and the console's "Refused to …" lines.
 *
 *     const csp = await watchCsp(context);
 *     … the journey …
 *     csp.expectNone();
 *
 * Or take `test` from here instead of @playwright/test: every test then fails on a violation.
 */
export type CspViolation = { directive: string; blocked: string; url: string; sample: string };

export async function watchCsp(context: BrowserContext) {
  const violations: CspViolation[] = [];
  await context.exposeBinding("__idartiCspViolation", (_source, v: CspViolation) => {
    violations.push(v);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __idartiCspViolation?: (v: unknown) => void }).__idartiCspViolation;
      report?.({ directive: e.effectiveDirective, blocked: e.blockedURI, url: e.documentURI, sample: e.sample });
    });
  });
  const watchPage = (page: Page) =>
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push({ directive: "console", blocked: "", url: page.url(), sample: m.text().slice(0, 300) });
    });
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
  return {
    violations,
    expectNone(message = "CSP violations") {
      expect(violations, message).toEqual([]);
    },
  };
}

/** `test` whose every page is watched: a test fails when the browser reports a CSP violation. */
export const test = base.extend<{ cspWatch: Awaited<ReturnType<typeof watchCsp>> }>({
  cspWatch: [
    async ({ context }, use) => {
      const watch = await watchCsp(context);
      await use(watch);
      watch.expectNone();
    },
    { auto: true },
  ],
});
export { expect };
