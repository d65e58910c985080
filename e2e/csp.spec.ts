import { createHash } from "node:crypto";
import { signIn, uniquePhone } from "./support/auth";
import { expect, test } from "./support/csp";
import { decideInD17, newStegBill, newWallet } from "./support/payments";

/**
 * Issue 12, point 1: every page answers with a Content-Security-Policy (hashes on the static
 * catalogue, a fresh nonce elsewhere; docs/adr/0014), and Chromium reports no violation while
 * real journeys run: public pages, sign-in, a complaint with a photo, paying a bill. `test` comes
 * from e2e/support/csp.ts: any violation in any of these tests fails it.
 */
test.describe.configure({ timeout: 240_000 });

const common = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"];
const directive = (policy: string, name: string) => policy.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";

const staticPages = ["/ar", "/ar/services/pay-steg-bill", "/ar/control", "/fr/houses", "/en/learn", "/ar/services"];
// Personal and staff pages (a signed-out visitor is sent to sign in: the answer still carries the policy).
const dynamicPages = ["/ar/sign-in", "/fr/my", "/ar/staff", "/ar/pay/find", "/en/account"];

test("every page answers with the policy: hashes and 'self' on the static catalogue, a fresh nonce elsewhere", async ({ request }) => {
  for (const path of [...staticPages, ...dynamicPages]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const policy = res.headers()["content-security-policy"] ?? "";
    for (const d of common) expect(policy, `${path}: ${d}`).toContain(d);
    const scripts = directive(policy, "script-src");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(directive(policy, "img-src"), path).toContain("blob:");
    // The test server runs on http: no HSTS (lib/security/csp.test.ts covers https).
    expect(res.headers()["strict-transport-security"], path).toBeUndefined();
    if (staticPages.includes(path)) {
      expect(res.status(), path).toBe(200);
      expect(scripts, path).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
      expect(scripts, path).not.toContain("nonce-");
      // Still the prerendered, cacheable page (docs/adr/0001).
      expect(res.headers()["cache-control"], path).toContain("s-maxage");
      // A lean page (docs/adr/0021) is made from the prerendered page: same caching.
      expect(res.headers()["x-nextjs-cache"] ?? res.headers()["x-nextjs-prerender"] ?? res.headers()["x-idarti-lean"], path).toBeTruthy();
    } else {
      expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
    }
  }
});

test("a dynamic page's scripts carry the nonce of its own policy, new on every request", async ({ request }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/fr/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const policy = res.headers()["content-security-policy"]!;
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/type="application\/(ld\+)?json"/.test(m[1]!));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      // Next's scripts carry the nonce; the app's own boot script is allowed by its hash.
      if (attrs!.includes(`nonce="${nonce}"`)) continue;
      expect(policy, `a script without the nonce: ${attrs} ${body!.slice(0, 60)}`).toContain(`'sha256-${createHash("sha256").update(body!).digest("base64")}'`);
    }
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("public pages in Arabic and French, with navigation between them: no violation", async ({ page }) => {
  for (const path of ["/ar", "/ar/services", "/ar/services/pay-steg-bill", "/ar/houses", "/ar/houses/haidra", "/fr/control", "/fr/learn", "/fr/services/search?q=facture"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("load");
  }
  // A client-side navigation from a static page (its policy stays) to a dynamic one.
  await page.goto("/fr");
  await page.getByRole("link", { name: /Mon dossier/ }).first().click();
  await expect(page).toHaveURL(/\/fr\/(sign-in|my)/);
  await page.waitForLoadState("load");
});

test("after someone signs in (the pages are revalidated and regenerated), the public pages still run: no violation", async ({ page, browser }) => {
  await page.goto("/fr/learn");
  await page.waitForLoadState("load");
  // Someone else signs in: the layout is revalidated, the prerendered pages will be regenerated.
  const other = await browser.newContext({ locale: "fr-FR" });
  await signIn(await other.newPage(), { phone: uniquePhone(), locale: "fr", returnTo: "/fr/my", reuse: false });
  await other.close();
  // A client-side navigation (an RSC request) regenerates the page first, then a full load.
  await page.goto("/fr");
  await page.locator('a[href="/fr/learn"]').first().click();
  await expect(page).toHaveURL(/\/fr\/learn$/);
  await page.waitForLoadState("load");
  for (const path of ["/fr/learn", "/fr", "/ar/services", "/fr/learn"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("load");
  }
});

test("sign in, then a complaint with a photo (fr): no violation, and the photo comes back with its own policy", async ({ page }) => {
  const from = "/fr/requests/complaint/new?body=steg";
  await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: from, reuse: false });
  await expect(page.getByRole("heading", { level: 1, name: "Faire une réclamation" })).toBeVisible();
  await page.getByLabel("Facturation", { exact: true }).check();
  await page.getByLabel("Décrivez ce qui s'est passé", { exact: true }).fill("La facture de février compte deux fois la consommation.");
  const photo = { name: "facture.png", mimeType: "image/png", buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4w8AARwgWXg4AWIMMwVLWc8oAAAAASUVORK5CYII=", "base64") };
  await page.getByLabel("Photos ou documents (facultatif)").setInputFiles(photo);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vérifiez vos réponses avant d'envoyer" })).toBeVisible();
  await page.getByRole("button", { name: "Envoyer la réclamation" }).click();
  await expect(page).toHaveURL(/\/fr\/my\/cases\/IDR-[^/]+\/sent$/);
  const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-2)!);
  await page.goto(`/fr/my/cases/${reference}`);
  const file = page.getByRole("link", { name: /facture/ });
  await expect(file).toBeVisible();
  const res = await page.request.get((await file.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("paying a bill (ar): the pay pages, D17's answer and the receipt, no violation", async ({ page, context, request }) => {
  const bill = await newStegBill(request);
  const wallet = await newWallet(request);
  await signIn(page, { phone: uniquePhone(), locale: "ar", returnTo: "/ar/pay/find", reuse: false });
  await page.getByLabel("الشركة التونسية للكهرباء والغاز").check();
  await page.getByLabel("مرجع الفاتورة").fill(bill.reference);
  await page.getByLabel("المفتاح", { exact: true }).fill(bill.key);
  await page.getByRole("button", { name: "البحث عن الفاتورة" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "تثبّت قبل الدفع" })).toBeVisible();
  await page.getByLabel("رقم هاتفك في D17").fill(wallet.local);
  await page.getByRole("button", { name: /^ادفع .* عبر D17$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "افتح D17 على هاتفك ووافق" })).toBeVisible();
  await expect(page.getByRole("timer")).toBeVisible();
  await decideInD17(context, wallet, "approve");
  await expect(page.getByRole("heading", { level: 1, name: "وصل خلاص" })).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState("load");
});
