import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { demoAccounts, uniquePhone, type LocalePrefix } from "./support/auth";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { LOCALES } from "./support/locales";
import { sharedSession } from "./support/shared-session";

/**
 * The accessibility and language audit (issue 15): every route, in the three languages, signed
 * out, as a citizen and as staff. Besides axe it checks what axe cannot see:
 * - reflow: no sideways scrolling at 320 CSS px, with the app's largest text size (320 px), and
 *   with a 200 % root font size (360 px) (WCAG 1.4.4, 1.4.10);
 * - a title of its own on every page, never the site's generic one (2.4.2);
 * - the direction the browser computed for user text (Arabic words on French and English pages,
 *   French words on Arabic pages) and for phone numbers;
 * - on each form, after a failed send, focus on the error summary and "Error:" first in the
 *   title — with JavaScript on and off (2.4.3, 3.3.1).
 * Routes are split into parallel tests (one browser); each page is loaded once and measured in
 * place. Heavy catalogue pages skip axe here: catalogue-a11y.spec.ts runs it on them.
 */
test.describe.configure({ mode: "parallel" });

const GENERIC_TITLE: Record<LocalePrefix, string> = {
  ar: "إدارتي — دار الخدمات في خدمتك أينما كنت",
  fr: "Idarti — votre maison de services, où que vous soyez",
  en: "Idarti — your service house, wherever you are",
};
const ERROR_PREFIX: Record<LocalePrefix, string> = { ar: "خطأ:", fr: "Erreur :", en: "Error:" };

const SIGNED_OUT = [
  "/",
  "/offline",
  "/control",
  "/learn",
  "/learn/online-safety",
  "/learn/online-safety/answers?q0=0&q1=1",
  "/help",
  "/accessibility",
  "/services",
  "/services/search?q=zzzz",
  "/services/building-permit",
  "/services/building-permit/checklist",
  "/services/building-permit/guide",
  "/services/bodies/steg",
  "/services/categories/bills",
  "/life-events",
  "/life-events/moving-house",
  "/houses",
  "/houses/haidra",
  "/houses/governorates/kasserine",
  "/houses/for/pay-sonede-bill",
  "/houses/mobile-units",
  "/houses/demo-mobile-kasserine",
  "/verify",
  "/reports",
  "/sign-in",
  "/no-such-page",
  "/services/all",
  "/houses/all",
];
/** axe takes minutes on the one-page catalogues; catalogue-a11y.spec.ts runs it on them. */
const NO_AXE = new Set(["/services/all", "/houses/all"]);

const CITIZEN = [
  "/my",
  "/my/inbox",
  "/my/unsent",
  "/account",
  "/account/notifications",
  "/bills",
  "/bills/add",
  "/pay",
  "/pay/find",
  "/requests",
  "/requests/complaint/new",
  "/requests/suggestion/new",
  "/requests/report/new",
  "/requests/information/new",
  "/questions/new",
  "/interviews",
  "/interviews/book",
  "/my/cases/{arabic}",
  "/my/cases/{french}",
  "/my/cases/{arabic}/sent",
];

/** An agent of the municipality (the test cases go to it), an official (interviews), the admin. */
const STAFF = ["/staff", "/staff/cases/{arabic}", "/staff/cases/{french}", "/staff/walk-in", "/staff/interview-walk-in"];
const OFFICIAL = ["/staff/agenda", "/staff/availability"];
const ADMIN = ["/staff/admin/users"];

/** Forms and what makes them fail when sent empty; `first` is the id the first error link must reach. */
const FORMS: { audience: "signedOut" | "citizen"; path: string; first?: string }[] = [
  { audience: "signedOut", path: "/sign-in" },
  { audience: "signedOut", path: "/services/building-permit/guide" },
  { audience: "citizen", path: "/requests/complaint/new", first: "body" },
  { audience: "citizen", path: "/requests/suggestion/new" },
  { audience: "citizen", path: "/requests/report/new" },
  { audience: "citizen", path: "/requests/information/new" },
  { audience: "citizen", path: "/questions/new" },
  { audience: "citizen", path: "/pay/find" },
  { audience: "citizen", path: "/interviews/book", first: "body" },
];

/** The test cases: a citizen's Arabic words (read on French and English pages) and French words (read on Arabic pages). */
const ARABIC_SUBJECT = "سؤال عن رخصة البناء رقم 2026-114.";
const FRENCH_SUBJECT = "Question sur le permis de bâtir n° 2026-114.";

const counts = { pages: 0, checks: 0 };

async function citizen(page: Page): Promise<Record<string, string>> {
  return sharedSession(page, "citizen", {
    phone: uniquePhone,
    setup: async (p) => {
      const file = async (subject: string, question: string) => {
        const res = await p.request.post("/api/v1/submissions", {
          headers: { origin: new URL(p.url()).origin, "idempotency-key": `a11y-${randomUUID()}` },
          data: { kind: "question", payload: { bodyId: "municipality", municipalityId: "municipality-haidra", subject, question }, locale: "ar-TN" },
        });
        expect(res.status(), await res.text()).toBe(201);
        return (await res.json()).reference as string;
      };
      return {
        arabic: await file(ARABIC_SUBJECT, "متى تصدر الرخصة؟ رقم الهاتف 98 123 456."),
        french: await file(FRENCH_SUBJECT, "Quand le permis sera-t-il délivré ?"),
      };
    },
  });
}

async function staff(page: Page, phone: string, name: string) {
  return sharedSession(page, name, { phone, locale: "fr" });
}

/** Cases are made by the citizen's session; staff pages need their references too. */
async function references(browser: Browser): Promise<Record<string, string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/ar");
  const data = await citizen(page);
  await context.close();
  return data;
}

function fill(route: string, data: Record<string, string>) {
  return route.replace(/\{(\w+)\}/g, (_, k: string) => data[k] ?? k);
}

/**
 * No sideways scrolling of the page (its layout viewport, not window.innerWidth, which a phone
 * widens by zooming out): at 320 px, at the app's largest text size on 320 px, and at a 200 % root
 * font size on a 360 px phone.
 */
async function expectReflow(page: Page, label: string) {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = () =>
    page.evaluate(() => {
      // The layout viewport (a phone zooms out to show an overflowing page, so innerWidth can grow).
      const html = document.documentElement;
      const width = html.clientWidth;
      if (html.scrollWidth <= width) return null;
      // Name the widest culprit, for the failure message.
      let worst: Element | null = null;
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 || r.left < -1) worst = el;
      }
      return `${html.scrollWidth} > ${width}: ${worst ? `${worst.tagName.toLowerCase()}.${String(worst.className).slice(0, 60)} «${(worst.textContent ?? "").trim().slice(0, 40)}»` : "?"}`;
    });
  expect(await page.evaluate(() => document.documentElement.clientWidth)).toBe(320);
  const results: Record<string, string | null> = {};
  results["320px"] = await overflow();
  await page.evaluate(() => (document.documentElement.dataset.textSize = "larger"));
  results["largest text size"] = await overflow();
  // 200 % text on a 360 px phone (what the issue saw: the header's links fell off such a screen).
  await page.setViewportSize({ width: 360, height: 640 });
  await page.evaluate(() => {
    delete document.documentElement.dataset.textSize;
    document.documentElement.style.fontSize = "200%";
  });
  results["200% text at 360 px"] = await overflow();
  await page.evaluate(() => (document.documentElement.style.fontSize = ""));
  counts.checks += 3;
  expect(Object.entries(results).filter(([, v]) => v), `reflow of ${label}`).toEqual([]);
}

async function walk(page: Page, locale: LocalePrefix, routes: string[], data: Record<string, string> = {}) {
  const titles = new Map<string, string>();
  for (const route of routes) {
    const path = `/${locale}${fill(route, data)}`;
    await page.setViewportSize({ width: 412, height: 839 });
    await page.goto(path);
    await page.waitForLoadState("load");
    await expect(page.locator("html")).toHaveAttribute("lang", LOCALES.find((l) => l.prefix === locale)!.code);
    counts.pages += 1;

    // A title of its own, never the generic one (the home page is the site itself).
    const title = await page.title();
    expect(title, `title of ${path}`).toMatch(/\S/);
    if (route !== "/") expect(title, `title of ${path}`).not.toBe(GENERIC_TITLE[locale]);
    const same = titles.get(title);
    expect(same, `${path} has the same title as ${same}: «${title}»`).toBeUndefined();
    titles.set(title, path);
    counts.checks += 1;

    if (!NO_AXE.has(route)) {
      await expectNoSeriousA11yIssues(page);
      counts.checks += 1;
    }
    await expectReflow(page, path);
  }
}

for (const l of LOCALES) {
  test(`signed out, ${l.prefix}: axe, reflow, titles`, async ({ page }) => {
    test.setTimeout(300_000);
    await walk(page, l.prefix, SIGNED_OUT);
  });

  test(`citizen, ${l.prefix}: axe, reflow, titles`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`/${l.prefix}`);
    const data = await citizen(page);
    await walk(page, l.prefix, CITIZEN, data);
  });

  test(`staff, ${l.prefix}: axe, reflow, titles`, async ({ page, browser }) => {
    test.setTimeout(300_000);
    const data = await references(browser);
    await page.goto(`/${l.prefix}`);
    await staff(page, demoAccounts.agent, "agent");
    await walk(page, l.prefix, STAFF, data);
    await page.context().clearCookies();
    await staff(page, demoAccounts.officialCentral, "official");
    await walk(page, l.prefix, OFFICIAL, data);
    await page.context().clearCookies();
    await staff(page, demoAccounts.admin, "admin");
    await walk(page, l.prefix, ADMIN, data);
  });
}

test.describe("the direction of user text and of phone numbers", () => {
  /** Each piece of user text on the page, by its text: the direction the browser computed. */
  async function directionOf(page: Page, text: string) {
    const el = page.locator("[dir=auto], bdi").filter({ hasText: text }).last();
    await expect(el).toBeVisible();
    counts.checks += 1;
    return el.evaluate((e) => (e.matches(":dir(rtl)") ? "rtl" : "ltr"));
  }

  test("Arabic words stay right to left on French and English pages, French words left to right on Arabic pages", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const data = await references(browser);
    await page.goto("/ar");
    await citizen(page);
    for (const l of ["fr", "en"] as const) {
      await page.goto(`/${l}/my`);
      expect(await directionOf(page, "رخصة البناء")).toBe("rtl");
      await page.goto(`/${l}/my/cases/${data.arabic}`);
      expect(await directionOf(page, "رخصة البناء")).toBe("rtl");
      expect(await directionOf(page, "متى تصدر")).toBe("rtl");
    }
    await page.goto(`/ar/my`);
    expect(await directionOf(page, "permis de bâtir")).toBe("ltr");
    await page.goto(`/ar/my/cases/${data.french}`);
    expect(await directionOf(page, "permis de bâtir")).toBe("ltr");
    // References and phone numbers are one left-to-right run inside Arabic text.
    const reference = page.locator("[data-ltr]").filter({ hasText: data.french }).first();
    expect(await reference.evaluate((e) => getComputedStyle(e).direction)).toBe("ltr");
    await page.goto(`/ar/account`);
    const phone = page.locator("[data-ltr]").filter({ hasText: /^\d{2} \d{3} \d{3}$/ }).first();
    expect(await phone.evaluate((e) => getComputedStyle(e).direction)).toBe("ltr");
    await page.goto(`/ar/houses/haidra`);
    const housePhone = page.locator("[data-ltr]").filter({ hasText: /^\+216 / }).first();
    expect(await housePhone.evaluate((e) => getComputedStyle(e).direction)).toBe("ltr");
    counts.checks += 3;

    // Staff: the queue and the case, in French and Arabic.
    const staffContext = await browser.newContext();
    const staffPage = await staffContext.newPage();
    await staffPage.goto("/fr");
    await staff(staffPage, demoAccounts.agent, "agent");
    await staffPage.goto(`/fr/staff/cases/${data.arabic}`);
    expect(await directionOf(staffPage, "رخصة البناء")).toBe("rtl");
    await staffPage.goto(`/ar/staff/cases/${data.french}`);
    expect(await directionOf(staffPage, "permis de bâtir")).toBe("ltr");
    await staffContext.close();
  });
});

test.describe("error summary: focus and title after a failed send", () => {
  for (const js of [true, false]) {
    for (const l of [LOCALES[0], LOCALES[1]]) {
      test(`${js ? "with" : "without"} JavaScript, ${l.prefix}`, async ({ browser }) => {
        test.setTimeout(240_000);
        const context = await browser.newContext({ javaScriptEnabled: js, locale: l.code, timezoneId: "Africa/Tunis" });
        const page = await context.newPage();
        // Signing in needs no JavaScript either, but the shared session is made with it.
        const helper = await browser.newContext();
        const helperPage = await helper.newPage();
        await helperPage.goto("/ar");
        await citizen(helperPage);
        await context.addCookies(await helper.cookies());
        await helper.close();

        for (const form of FORMS) {
          if (form.audience === "signedOut") await context.clearCookies();
          else if (!(await context.cookies()).some((c) => c.name.includes("session"))) {
            const again = await browser.newContext();
            const p = await again.newPage();
            await p.goto("/ar");
            await citizen(p);
            await context.addCookies(await again.cookies());
            await again.close();
          }
          const path = `/${l.prefix}${form.path}`;
          await page.goto(path);
          await page.waitForLoadState("load");
          await page.locator("main form:has(button[type=submit]) button[type=submit]").last().click();
          const summary = page.locator("[data-error-summary]");
          await expect(summary, `error summary on ${path}`).toBeVisible({ timeout: 20_000 });
          await expect(summary, `focus on the summary of ${path}`).toBeFocused();
          await expect.poll(() => page.title(), { message: `title of ${path}` }).toMatch(new RegExp(`^${ERROR_PREFIX[l.prefix]} `));
          counts.checks += 2;
          if (form.first) {
            await summary.getByRole("link").first().click();
            if (js) await expect(page.locator(`#${form.first}`)).toBeFocused();
            else expect(new URL(page.url()).hash).toBe(`#${form.first}`);
            await expect(page.locator(`#${form.first}`)).toHaveAttribute("type", /radio|checkbox/);
            counts.checks += 1;
          }
        }
        await context.close();
      });
    }
  }
});

test.afterAll(() => {
  console.info(`a11y audit (this worker): ${counts.pages} pages × locale walked, ${counts.checks} checks`);
});

test.describe("text size", () => {
  const rootPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  test("the size buttons work without JavaScript, on static and on personal pages", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/houses");
    expect(await rootPx(page)).toBe(16);
    await page.getByRole("button", { name: "Larger" }).click();
    await expect(page).toHaveURL(/\/en\/houses$/);
    // The size comes from a stylesheet (no JavaScript): measure once the page has loaded it.
    await page.waitForLoadState("load");
    expect(await rootPx(page)).toBe(22);
    await page.goto("/en/sign-in");
    expect(await rootPx(page)).toBe(22);
    await page.getByRole("button", { name: "Normal" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in$/);
    await page.waitForLoadState("load");
    expect(await rootPx(page)).toBe(16);
    counts.checks += 4;
    await context.close();
  });

  test("with JavaScript the size applies at once and holds on the 404 page", async ({ page }) => {
    await page.goto("/fr");
    await page.getByRole("button", { name: "Très grande" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    expect(page.url()).toMatch(/\/fr$/); // no round trip
    await page.goto("/fr/pas-de-page-ici");
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
    expect(await rootPx(page)).toBe(22);
    counts.checks += 3;
  });
});
