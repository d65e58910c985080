import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { decideInD17, newStegBill, newWallet } from "./support/payments";
import { open311DefinitionSchema, open311ErrorsSchema, open311RequestSchema, open311ServiceSchema, OPEN311_XML } from "../lib/statistics/open311-schema";

/**
 * Statistics and open data (issue 20): the dashboard's figures equal a known dataset exactly —
 * February 2023 at the house of Haidra and at STEG, written by the test-only seed
 * (lib/statistics/test-seed.ts) in a month no other journey touches — as an agent (their house,
 * ar), an official (their body, fr) and an administrator (the country, any scope, fr); the
 * open data withholds every count under 5; the Open311 answers match the GeoReport v2 formats
 * in JSON and XML; visits are counted by the server; a citizen rates an interview that is over,
 * and a payment once it went through — which the body's dashboard counts the same day.
 */
const PERIOD = "from=2023-02-01&to=2023-02-28";
type Seeded = { unratedInterviewId: string };
let seeded: Seeded;

test.describe.configure({ timeout: 150_000 });

test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/test/statistics");
  expect(res.ok(), "the test server seeds the known dataset").toBe(true);
  seeded = (await res.json()) as Seeded;
});

const nf = (locale: string, opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, opts);
const pct = (locale: string, v: number) => nf(locale, { style: "percent", maximumFractionDigits: 1 }).format(v);
const money = (locale: string, millimes: number) => nf(locale, { style: "currency", currency: "TND", minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(millimes / 1000);

/** The value cell of a key figure, found by its row heading. */
function figure(page: Page, label: string) {
  return page.locator("tr", { has: page.getByRole("rowheader", { name: label, exact: true }) }).getByRole("cell");
}

test("ar: an agent sees their house's figures exactly, charts mirrored right to left with their tables", async ({ page }) => {
  await signIn(page, { phone: demoAccounts.agent, locale: "ar", returnTo: `/ar/staff/statistics?${PERIOD}` });
  await expect(page.getByRole("heading", { level: 1, name: "الإحصائيات" })).toBeVisible();
  // An agent has no scope to choose: their house.
  await expect(page.getByLabel("أرقام", { exact: true })).toHaveCount(0);
  const ar = "ar-TN";
  await expect(figure(page, "الملفات الواردة")).toHaveText(nf(ar).format(7));
  await expect(figure(page, "المدة الوسيطة لأول رد")).toHaveText(`${nf(ar).format(4)} ساعات`);
  await expect(figure(page, "المدة الوسيطة للمعالجة")).toHaveText(`${nf(ar).format(96)} ساعة`);
  await expect(figure(page, "الملفات المتجاوزة لآجالها")).toHaveText(`${pct(ar, 2 / 7)} (${nf(ar).format(2)} من ${nf(ar).format(7)})`);
  await expect(figure(page, "الرضا عن الردود على الملفات")).toHaveText(`${nf(ar).format(4)} من 5 (${nf(ar).format(5)} تقييمات، ${pct(ar, 0.8)} راضون)`);
  await expect(figure(page, "الرضا بعد المقابلات")).toHaveText("—");
  await expect(figure(page, "جلسات المرافقة")).toHaveText(nf(ar).format(6));
  // A house has no payments or bookings of its own: no such figure.
  await expect(page.getByRole("rowheader", { name: "عمليات الدفع المنجزة" })).toHaveCount(0);

  // The daily chart: right to left, the first day's column at the right of the last one's.
  const chart = page.locator('svg[data-chart="daily"]');
  await expect(chart).toHaveAttribute("data-dir", "rtl");
  const bars = chart.locator("rect");
  await expect(bars).toHaveCount(28);
  const first = Number(await bars.first().getAttribute("x"));
  const last = Number(await bars.last().getAttribute("x"));
  expect(first).toBeGreaterThan(last);
  // Its table for screen readers: one row per day, the seeded days with one case each.
  const daily = page.getByRole("table", { name: "الملفات الواردة في اليوم" });
  await expect(daily.getByRole("row")).toHaveCount(29);
  const kinds = page.getByRole("table", { name: "الملفات حسب النوع", exact: true });
  await expect(kinds.getByRole("cell")).toHaveText([nf(ar).format(4), nf(ar).format(3)]);
  // By kind and status, in words (no machine key shown).
  const statuses = page.getByRole("table", { name: "الملفات حسب النوع والحالة", exact: true });
  await expect(statuses.getByRole("row")).toHaveCount(3);
  await expect(statuses.getByRole("row").nth(1).getByRole("cell")).toHaveText(["شكوى", "تمت المعالجة", nf(ar).format(4)]);
  await expectNoSeriousA11yIssues(page);
});

test("fr: an official sees STEG's bookings, payments and ratings; an administrator the country and any scope", async ({ page, browser }) => {
  const fr = "fr-TN";
  await signIn(page, { phone: demoAccounts.officialRegional, locale: "fr", returnTo: `/fr/staff/statistics?${PERIOD}` });
  await expect(page.getByRole("heading", { level: 1, name: "Statistiques" })).toBeVisible();
  await expect(figure(page, "Dossiers reçus")).toHaveText(nf(fr).format(3));
  await expect(figure(page, "Délai médian de première réponse")).toHaveText("—");
  await expect(figure(page, "Délai médian de résolution")).toHaveText(`${nf(fr).format(96)} heures`);
  await expect(figure(page, "Entretiens réservés")).toHaveText(nf(fr).format(9));
  await expect(figure(page, "Entretiens manqués (absence)")).toHaveText(`${pct(fr, 2 / 9)} (${nf(fr).format(2)} sur ${nf(fr).format(9)})`);
  await expect(figure(page, "Paiements effectués")).toHaveText(nf(fr).format(6));
  await expect(figure(page, "Montant payé")).toHaveText(money(fr, 75_000));
  await expect(figure(page, "Satisfaction après les entretiens")).toHaveText(`${nf(fr, { maximumFractionDigits: 2 }).format(3.6)} sur 5 (${nf(fr).format(5)} notes, ${pct(fr, 0.6)} satisfaits)`);
  await expect(figure(page, "Satisfaction après les paiements")).toHaveText(`${nf(fr).format(4)} sur 5 (${nf(fr).format(5)} notes, ${pct(fr, 0.8)} satisfaits)`);
  await expect(page.locator('svg[data-chart="daily"]')).toHaveAttribute("data-dir", "ltr");
  await expectNoSeriousA11yIssues(page);
  // Another body's figures: refused.
  const other = await page.goto(`/fr/staff/statistics?scope=body:sonede&${PERIOD}`);
  expect(other?.status()).toBe(404);

  // A context of its own (axe needs one made by newContext), the administrator's session apart.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, { phone: demoAccounts.admin, locale: "fr", returnTo: `/fr/staff/statistics?${PERIOD}` });
  await expect(figure(admin, "Dossiers reçus")).toHaveText(nf(fr).format(10));
  await expect(figure(admin, "Paiements effectués")).toHaveText(nf(fr).format(7));
  await expect(figure(admin, "Montant payé")).toHaveText(money(fr, 79_000));
  await expect(figure(admin, "Entretiens réservés")).toHaveText(nf(fr).format(9));
  await expect(figure(admin, "Visites des pages publiques")).toHaveText(nf(fr).format(168));
  await expect(figure(admin, "Leçons terminées")).toHaveText(nf(fr).format(5));
  await expect(figure(admin, "Séances d’accompagnement")).toHaveText(nf(fr).format(6));
  await expect(admin.getByRole("table", { name: "Visites par rubrique" }).getByRole("row")).toHaveCount(4);
  // The period filter is a GET form: choose the house of Haidra.
  await admin.getByLabel("Chiffres de").selectOption("house:haidra");
  await admin.getByRole("button", { name: "Afficher" }).click();
  await expect(admin).toHaveURL(/scope=house%3Ahaidra/);
  await expect(figure(admin, "Dossiers reçus")).toHaveText(nf(fr).format(7));
  await expectNoSeriousA11yIssues(admin);
  // A day that does not exist — typed where the browser has no date picker (the form is a plain
  // GET form; Chromium's date field would not take it): said on the field, in French.
  await admin.goto(`/fr/staff/statistics?scope=house%3Ahaidra&from=2023-02-30&to=2023-02-28`);
  await expect(admin.locator("#period-from-error")).toContainText("Saisissez un jour sous la forme année-mois-jour");
  await adminContext.close();
});

test("open data: documented (ar, fr), CSV and JSON by day, no published count under 5", async ({ page, request }) => {
  for (const locale of ["ar", "fr"] as const) {
    await page.goto(`/${locale}/open-data`);
    await expect(page.getByRole("heading", { level: 1, name: locale === "ar" ? "البيانات المفتوحة" : "Données ouvertes" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Creative Commons Attribution 4.0 International (CC BY 4.0)" })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
  }
  const index = await (await request.get("/api/v1/open-data")).json();
  const ids = (index.datasets as { id: string }[]).map((d) => d.id);
  expect(ids).toEqual(["cases", "bookings", "payments", "ratings", "visits", "learning"]);
  let withheld = 0;
  let published = 0;
  for (const id of ids) {
    const res = await request.get(`/api/v1/open-data/${id}.csv?${PERIOD}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(res.headers()["cache-control"]).toContain("public");
    const lines = (await res.text()).trim().split("\r\n");
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      expect(cells[0]).toMatch(/^2023-02-\d\d$/);
      for (const cell of cells.slice(1)) {
        if (cell === "") withheld += 1;
        if (/^\d+$/.test(cell)) {
          expect(Number(cell) === 0 || Number(cell) >= 5, `${id}: ${line}`).toBe(true);
          if (Number(cell) >= 5) published += 1;
        }
      }
    }
  }
  expect(withheld).toBeGreaterThan(0);
  expect(published).toBeGreaterThan(0);
  expect(await (await request.get(`/api/v1/open-data/visits.csv?${PERIOD}`)).text()).toBe("date,section,visits\r\n2023-02-10,home,120\r\n2023-02-10,learn,\r\n2023-02-10,services,45\r\n");
  const payments = await (await request.get(`/api/v1/open-data/payments.json?${PERIOD}`)).json();
  expect(payments.rows).toEqual([{ date: "2023-02-15", payments: 7, amount_millimes: 79_000 }]);
  expect((await request.get("/api/v1/open-data/nothing.csv")).status()).toBe(404);
  expect((await request.get("/api/v1/open-data/cases.csv?from=2023-02-30")).status()).toBe(400);
  expect((await request.get("/api/v1/open-data/cases.csv?from=2023-02-30&to=2023-02-28")).status()).toBe(400);
});

test("Open311 GeoReport v2: services, definition and requests in JSON and XML, as the specification writes them", async ({ page, request }) => {
  const services = await request.get("/api/open311/v2/services.json?locale=fr");
  expect(services.status()).toBe(200);
  const list = (await services.json()) as unknown[];
  expect(list.length).toBeGreaterThan(3);
  for (const s of list) open311ServiceSchema.parse(s);
  expect(list).toContainEqual(expect.objectContaining({ service_code: "lighting", service_name: "Éclairage public", metadata: false, type: "realtime" }));
  open311DefinitionSchema.parse(await (await request.get("/api/open311/v2/services/lighting.json")).json());

  const window = "jurisdiction_id=municipality-haidra&start_date=2023-02-01T00:00:00%2B01:00&end_date=2023-03-01T00:00:00%2B01:00";
  const requests = (await (await request.get(`/api/open311/v2/requests.json?${window}&locale=fr`)).json()) as { service_request_id: string; description: string | null }[];
  expect(requests).toHaveLength(3);
  for (const r of requests) open311RequestSchema.parse(r);
  expect(requests.filter((r) => r.description !== null)).toHaveLength(2);
  // Public fields only: no phone number, no name.
  expect(JSON.stringify(requests)).not.toMatch(/\+216|Seed /);
  const id = requests[0]!.service_request_id;
  const one = await (await request.get(`/api/open311/v2/requests/${id}.json`)).json();
  expect(one).toHaveLength(1);
  open311RequestSchema.parse(one[0]);
  const missing = await request.get("/api/open311/v2/requests/IDR-23-0000-00.json");
  expect(missing.status()).toBe(404);
  open311ErrorsSchema.parse(await missing.json());
  expect((await request.get("/api/open311/v2/requests.json?jurisdiction_id=atlantis")).status()).toBe(404);
  expect((await request.get("/api/open311/v2/services.json?locale=fr")).headers()["access-control-allow-origin"]).toBe("*");

  // XML: parsed by the browser's XML parser, element names as the spec's.
  const xml = async (path: string) => {
    const res = await request.get(path);
    expect(res.headers()["content-type"]).toContain("text/xml");
    return { status: res.status(), text: await res.text() };
  };
  await page.goto("/fr/open-data");
  const check = (text: string, shape: { root: string; record?: string; fields: readonly string[] }) =>
    page.evaluate(
      ({ text, shape }) => {
        const doc = new DOMParser().parseFromString(text, "application/xml");
        if (doc.querySelector("parsererror")) return { error: "not well-formed" };
        const root = doc.documentElement;
        const records = shape.record ? [...root.children].filter((c) => c.tagName === shape.record) : [root];
        return {
          root: root.tagName,
          count: records.length,
          names: records.map((r) => [...r.children].map((c) => c.tagName)),
          statuses: records.map((r) => r.querySelector("status")?.textContent ?? null),
        };
      },
      { text, shape },
    );
  const sx = await check((await xml("/api/open311/v2/services.xml")).text, OPEN311_XML.services);
  expect(sx.root).toBe("services");
  expect(sx.count).toBe(list.length);
  for (const names of sx.names!) expect(names).toEqual(OPEN311_XML.services.fields);
  const rx = await check((await xml(`/api/open311/v2/requests.xml?${window}`)).text, OPEN311_XML.requests);
  expect(rx).toMatchObject({ root: "service_requests", count: 3 });
  for (const names of rx.names!) expect(names).toEqual(OPEN311_XML.requests.fields);
  for (const s of rx.statuses!) expect(["open", "closed"]).toContain(s);
  const ix = await check((await xml(`/api/open311/v2/requests/${id}.xml`)).text, OPEN311_XML.requests);
  expect(ix).toMatchObject({ root: "service_requests", count: 1 });
  const dx = await check((await xml("/api/open311/v2/services/lighting.xml")).text, OPEN311_XML.definition);
  expect(dx.names).toEqual([["service_code", "attributes"]]);
  const ex = await xml("/api/open311/v2/services/nothing.xml");
  expect(ex.status).toBe(404);
  expect((await check(ex.text, OPEN311_XML.errors)).names).toEqual([["code", "description"]]);
});

test("visits are counted by the server, without a cookie: three visits of the open-data page are three", async ({ page, browser }) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tunis" }).format(new Date());
  const admin = await browser.newPage();
  await signIn(admin, { phone: demoAccounts.admin, locale: "fr" });
  const count = async () => {
    expect((await admin.request.post("/api/test/statistics?flush=visits")).ok()).toBe(true);
    await admin.goto(`/fr/staff/statistics?from=${today}&to=${today}`);
    const row = admin.getByRole("table", { name: "Visites par rubrique" }).getByRole("row", { name: "Données ouvertes" });
    return (await row.count()) === 0 ? 0 : Number((await row.getByRole("cell").textContent())!.replace(/\D/g, ""));
  };
  const before = await count();
  await page.context().clearCookies();
  for (let i = 0; i < 3; i++) await page.goto("/fr/open-data");
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([]);
  expect(await count()).toBe(before + 3);
  await admin.close();
});

test("fr: a citizen rates an interview that is over, once", async ({ page }) => {
  await signIn(page, { phone: "+21629990001", locale: "fr", returnTo: `/fr/interviews/${seeded.unratedInterviewId}` });
  const section = page.getByRole("region", { name: "Comment s’est passé votre entretien ?" });
  await expect(section).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  // No choice: said on the field.
  await section.getByRole("button", { name: "Envoyer ma note" }).click();
  await expect(section.getByText("Choisissez de 1 à 5 étoiles.").first()).toBeVisible();
  await section.getByRole("radio", { name: "4 étoiles" }).check();
  await section.getByRole("button", { name: "Envoyer ma note" }).click();
  // Thanked: by the form, or by the page already showing the rating (the action revalidates it:
  // CI saw the form replaced before its own thanks could be read).
  await expect(page.getByText(/^(Merci : votre note aide à améliorer le service\.|Vous avez donné 4 étoiles sur 5\. Merci\.)$/)).toBeVisible();
  await page.reload();
  await expect(page.getByText("Vous avez donné 4 étoiles sur 5. Merci.")).toBeVisible();
});

test("ar: a citizen pays a STEG bill, rates the payment on the receipt, and STEG's dashboard counts it that day", async ({ page, context, request, browser }) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tunis" }).format(new Date());
  const official = await browser.newPage();
  await signIn(official, { phone: demoAccounts.officialRegional, locale: "fr", returnTo: `/fr/staff/statistics?from=${today}&to=${today}` });
  const ratings = async () => {
    await official.goto(`/fr/staff/statistics?from=${today}&to=${today}`);
    const text = (await figure(official, "Satisfaction après les paiements").textContent())!.trim();
    return text === "—" ? 0 : Number(/\((\d+) notes?,/.exec(text)![1]);
  };
  const before = await ratings();

  const bill = await newStegBill(request);
  const wallet = await newWallet(request);
  await signIn(page, { phone: uniquePhone(), locale: "ar", returnTo: "/ar/pay/find" });
  await page.getByLabel("الشركة التونسية للكهرباء والغاز").check();
  await page.getByLabel("مرجع الفاتورة").fill(bill.reference);
  await page.getByLabel("المفتاح", { exact: true }).fill(bill.key);
  await page.getByRole("button", { name: "البحث عن الفاتورة" }).click();
  await page.getByLabel("رقم هاتفك في D17").fill(wallet.local);
  await page.getByRole("button", { name: /^ادفع .* عبر D17$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "افتح D17 على هاتفك ووافق" })).toBeVisible();
  await decideInD17(context, wallet, "approve");
  await expect(page.getByRole("heading", { level: 1, name: "وصل خلاص" })).toBeVisible({ timeout: 30_000 });

  const section = page.getByRole("region", { name: "كيف كانت عملية الدفع؟" });
  await expect(section).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  // No choice: said on the field, in Arabic.
  await section.getByRole("button", { name: "أرسل تقييمي" }).click();
  await expect(section.getByText("اختر من نجمة إلى 5 نجوم.").first()).toBeVisible();
  await section.getByRole("radio").first().check(); // 5 stars, the first choice
  await section.getByRole("button", { name: "أرسل تقييمي" }).click();
  // Thanked: by the form, or by the page already showing the rating (the action revalidates it).
  await expect(section.getByText(/^(شكرًا: تقييمك يساعد على تحسين الخدمة\.|قيّمتها بـ.* من 5\. شكرًا\.)$/)).toBeVisible();
  await page.reload();
  await expect(section.getByText(/^قيّمتها بـ/)).toBeVisible();
  await expect(section.getByRole("button", { name: "أرسل تقييمي" })).toHaveCount(0);

  expect(await ratings()).toBe(before + 1);
  await official.close();
});
