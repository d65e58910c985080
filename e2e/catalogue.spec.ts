import { expect, test } from "@playwright/test";
import { getBody, getService, listLifeEvents } from "../lib/catalogue/catalogue";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { LOCALES } from "./support/locales";
import ar from "../messages/ar.json";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

const messages = { ar, fr, en } as const;
type Lang = keyof typeof messages;

const steg = getBody("steg")!;
const payBill = getService("pay-steg-bill")!;

test.describe("service catalogue", () => {
  for (const l of LOCALES) {
    const lang = l.prefix as Lang;
    const m = messages[lang].Catalogue;

    test(`${lang}: browse by body, open a procedure, read its complete list of documents`, async ({ page }) => {
      await page.goto(`/${lang}/services`);
      await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      await page.getByRole("link", { name: steg.shortName[lang], exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: steg.name[lang] })).toBeVisible();

      await page.getByRole("link", { name: payBill.title[lang], exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: payBill.title[lang] })).toBeVisible();
      const documents = page.getByRole("region", { name: m.documentsHeading });
      await expect(documents.getByText(payBill.documents[0]!.name[lang])).toBeVisible();
      await expect(documents.getByText(m.documentsComplete)).toBeVisible();
      await expect(documents.getByRole("link", { name: m.reportMissing })).toHaveAttribute(
        "href",
        `/${lang}/requests/complaint/new?service=pay-steg-bill&reason=document-not-listed&version=${payBill.version.number}&body=steg`,
      );
      await expectNoSeriousA11yIssues(page);
    });

    test(`${lang}: a life event strings the procedures of several bodies in order`, async ({ page }) => {
      const event = listLifeEvents().find((e) => e.slug === "moving-house")!;
      await page.goto(`/${lang}/life-events`);
      await page.getByRole("link", { name: event.title[lang] }).click();
      await expect(page.getByRole("heading", { level: 1, name: event.title[lang] })).toBeVisible();
      const steps = page.getByRole("list", { name: event.title[lang] }).getByRole("listitem");
      await expect(steps).toHaveCount(event.steps.length);
      await expect(steps.nth(1).getByRole("heading", { level: 2 })).toContainText(event.steps[1]!.title[lang]);
      await steps.nth(1).getByRole("link").click();
      await expect(page.getByRole("heading", { level: 1, name: getService("steg-contract-transfer")!.title[lang] })).toBeVisible();
    });
  }

  for (const lang of ["ar", "fr", "en"] as const) {
    test(`${lang}: guided questions end on a personal checklist that can be shared`, async ({ page }) => {
      const g = messages[lang].Guided;
      const permit = getService("building-permit")!;
      const [area, protectedSite] = permit.guide!.questions;
      const option = (q: typeof area, value: string) => q!.options.find((o) => o.value === value)!.label[lang];
      const energy = permit.documents.find((d) => d.name.en === "Energy-efficiency study")!.name[lang];
      await page.goto(`/${lang}/services/building-permit`);
      await page.getByRole("link", { name: messages[lang].Catalogue.guideLink }).click();
      await expect(page.getByRole("group", { name: area!.text[lang] })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      // Continuing without an answer shows the error summary.
      await page.getByRole("button", { name: g.continue }).click();
      await expect(page.getByRole("alert").filter({ hasText: g.errorSelect })).toBeVisible();
      await expectNoSeriousA11yIssues(page);

      await page.getByLabel(option(area, "over-500"), { exact: true }).check();
      await page.getByRole("button", { name: g.continue }).click();
      await expect(page.getByRole("heading", { level: 1, name: protectedSite!.text[lang] })).toBeVisible();
      await page.getByLabel(option(protectedSite, "yes"), { exact: true }).check();
      await page.getByRole("button", { name: g.continue }).click();

      await expect(page.getByRole("heading", { level: 1, name: g.title.replace("{service}", permit.title[lang]) })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: energy })).toBeVisible();
      await expect(page.getByText(permit.guide!.notes.find((n) => n.when.protected?.includes("yes"))!.text[lang])).toBeVisible();
      expect(page.url()).toContain("area=over-500");
      expect(page.url()).toContain("protected=yes");
      await expectNoSeriousA11yIssues(page);

      // The URL is the list: opening it again gives the same checklist; printed, only the list remains.
      const shared = page.url();
      await page.goto(`/${lang}/services`);
      await page.goto(shared);
      await expect(page.getByRole("checkbox", { name: energy })).toBeVisible();
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      await expect(page.getByRole("contentinfo")).toBeHidden();
      await expect(page.getByRole("checkbox", { name: energy })).toBeVisible();
    });
  }

  for (const lang of ["ar", "fr"] as const) {
    test(`${lang}: guided questions work with JavaScript disabled`, async ({ browser }) => {
      const m = messages[lang];
      const context = await browser.newContext({ javaScriptEnabled: false, locale: lang === "ar" ? "ar-TN" : "fr-TN" });
      const page = await context.newPage();
      const service = getService("steg-contract-transfer")!;
      const [occupancy, previous] = service.guide!.questions;
      const doc = (id: string) => service.documents.find((d) => d.id === id)!.name[lang];
      await page.goto(`/${lang}/services/steg-contract-transfer/guide`);
      await expect(page.getByRole("heading", { level: 1, name: occupancy!.text[lang] })).toBeVisible();
      await page.getByRole("button", { name: m.Guided.continue }).click();
      await expect(page.getByRole("alert").filter({ hasText: m.Guided.errorSelect })).toBeVisible();
      await page.getByLabel(occupancy!.options.find((o) => o.value === "tenant")!.label[lang], { exact: true }).check();
      await page.getByRole("button", { name: m.Guided.continue }).click();
      await expect(page.getByRole("heading", { level: 1, name: previous!.text[lang] })).toBeVisible();
      await page.getByLabel(previous!.options.find((o) => o.value === "active")!.label[lang], { exact: true }).check();
      await page.getByRole("button", { name: m.Guided.continue }).click();
      await expect(page.getByRole("heading", { level: 2, name: m.Guided.checklistHeading })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: doc("lease") })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: doc("previous-holder-consent") })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: doc("title-deed") })).toHaveCount(0);
      // No print button without JavaScript (it would do nothing); the page says how to print instead.
      await expect(page.getByRole("button", { name: m.Catalogue.print })).toHaveCount(0);
      await expect(page.getByText(m.Catalogue.printHint)).toBeVisible();
      await context.close();
    });
  }

  test("search understands Arabic as typed, French without accents, with and without JavaScript", async ({ page, browser }) => {
    // Server-side results (the GET form's target).
    await page.goto(`/ar/services/search?q=${encodeURIComponent("فاتورة الكهرباء")}`);
    const results = page.getByRole("region", { name: /فاتورة الكهرباء/ });
    await expect(results.getByRole("link", { name: payBill.title.ar })).toBeVisible();
    await expectNoSeriousA11yIssues(page);

    // Live results in the box, from the downloaded index.
    await page.goto("/fr/services");
    await page.getByRole("searchbox", { name: fr.Search.label }).fill("facture electricite");
    await expect(page.getByRole("list", { name: fr.Search.liveResults }).getByRole("link", { name: payBill.title.fr })).toBeVisible();

    await page.goto("/en/services");
    await page.getByRole("searchbox", { name: en.Search.label }).fill("electricity bill");
    await expect(page.getByRole("list", { name: en.Search.liveResults }).getByRole("link", { name: payBill.title.en })).toBeVisible();

    await page.goto("/ar/services");
    await page.getByRole("searchbox", { name: ar.Search.label }).fill("شهاده");
    const live = page.getByRole("list", { name: ar.Search.liveResults });
    for (const slug of ["cnam-affiliation-certificate", "cnss-affiliation-certificate"]) {
      await expect(live.getByRole("link", { name: getService(slug)!.title.ar })).toBeVisible();
    }
    await expectNoSeriousA11yIssues(page);

    // Without JavaScript: the form submits to the search page.
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-TN" });
    const noJs = await context.newPage();
    await noJs.goto("/fr/services");
    await noJs.getByRole("searchbox", { name: fr.Search.label }).fill("facture electricite");
    await noJs.getByRole("button", { name: fr.Search.submit }).click();
    await expect(noJs).toHaveURL(/\/fr\/services\/search\?q=facture/);
    await expect(noJs.getByRole("link", { name: payBill.title.fr })).toBeVisible();
    await noJs.goto(`/ar/services/search?q=${encodeURIComponent("شهاده")}`);
    await expect(noJs.getByRole("link", { name: getService("cnss-affiliation-certificate")!.title.ar })).toBeVisible();
    await context.close();
  });

  test("the printable checklist hides the navigation when printed", async ({ page }) => {
    await page.goto("/fr/services/building-permit/checklist");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(getService("building-permit")!.title.fr);
    await expect(page.getByRole("button", { name: fr.Catalogue.print })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByRole("navigation", { name: fr.Ui.breadcrumbs })).toBeHidden();
    await expect(page.getByRole("button", { name: fr.Catalogue.print })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Certificat de propriété" })).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("banner")).toBeVisible();
  });
});
