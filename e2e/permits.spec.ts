import { expect, test, type Browser, type Page } from "@playwright/test";
import ar from "../messages/ar.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };
import { expectNoSeriousA11yIssues } from "./support/axe";
import { numberedPng } from "./support/png";
import { signIn, uniquePhone } from "./support/auth";
import { connectedPeers, installCallProbe, peers } from "./support/call-probe";
import { expectVideoPlaying } from "./support/interviews";

/**
 * A building permit filed online (issue 17; CIVITAS, Aïn Draham): the file built section by section
 * across two sessions (reloaded, signed out and in again in between: it is all there), the check
 * before sending saying what is missing, "complete" → sent; the municipality's agent asks for a
 * document (the clock has not started) → the citizen adds it → the file is found complete (the
 * 45-day clock starts) → the commission is convened for now, its two members meet in its call room
 * (real WebRTC between two browsers with fake camera and microphone: each sees the other's
 * picture and its RTCPeerConnection is "connected"; the applicant cannot enter) and give their
 * opinions → the permit is granted with conditions → the citizen downloads the signed decision →
 * anyone verifies it; the public register lists it without a name. The citizen goes through it
 * all on a 360 px wide phone, and no permit page scrolls sideways.
 */
const AGENT = "+21620000011"; // Agent Aïn Draham (scripts/seed-demo.ts)
const OFFICIAL = "+21620000012"; // the Aïn Draham official, the commission's second member
const MUNICIPALITY = "municipality-ain-draham";

const png = (n: number) => numberedPng(n, "plan");

const journeys = [
  { l: "ar" as const, m: ar, name: "سلمى الحداد", area: "حي النور", seed: 10 },
  { l: "fr" as const, m: fr, name: "Salma Haddad", area: "Cité Ennour", seed: 40 },
];
const s = fr.StaffCase;
const pf = fr.Permits;

async function staffPage(browser: Browser, phone: string, path: string): Promise<Page> {
  // Camera and microphone allowed (Chromium's fake devices): the commission meets in its call room.
  const context = await browser.newContext({ locale: "fr-TN", timezoneId: "Africa/Tunis", permissions: ["camera", "microphone"] });
  await installCallProbe(context);
  const page = await context.newPage();
  await signIn(page, { phone, locale: "fr", returnTo: path });
  return page;
}

/** No sideways scrolling on a 360 px wide phone (the layout viewport; the culprit named if any). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const html = document.documentElement;
    const width = html.clientWidth;
    if (html.scrollWidth <= width) return null;
    let worst: Element | null = null;
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 || r.left < -1) worst = el;
    }
    return `${html.scrollWidth} > ${width}: ${worst ? `${worst.tagName.toLowerCase()} «${(worst.textContent ?? "").trim().slice(0, 40)}»` : "?"}`;
  });
  expect(overflow, page.url()).toBeNull();
}

/** The session's time: now, as a Tunis wall clock for the datetime-local field ("YYYY-MM-DDTHH:MM"). */
function tunisNow(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Africa/Tunis", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false })
    .format(new Date())
    .replace(" ", "T");
}

for (const j of journeys) {
  test(`a building permit: built over two sessions, sent complete, a document asked for and added, commission, granted, signed decision verified (${j.l})`, async ({ page, browser }) => {
    test.setTimeout(300_000);
    const t = j.m.Permits;
    const started = Date.now();
    const phone = uniquePhone();
    await page.setViewportSize({ width: 360, height: 780 });
    let n = j.seed;
    const status = (section: string) => page.locator(`[data-section="${section}"]`);
    const openSection = async (section: keyof typeof t.sections) => {
      await page.getByRole("link", { name: t.sections[section], exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: t.sections[section] })).toBeVisible();
    };
    const save = async () => {
      await page.getByRole("button", { name: t.save }).click();
      await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
    };

    // The catalogue's "start online" leads to the task list.
    await signIn(page, { phone, locale: j.l, name: j.name, returnTo: `/${j.l}/services/building-permit` });
    await page.getByRole("link", { name: j.m.Catalogue.startOnline }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.newTitle })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: t.start }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    const draftUrl = page.url();
    await expect(status("application")).toHaveAttribute("data-status", "notStarted");
    await expect(status("energy")).toHaveAttribute("data-status", "cannotStartYet");
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);

    // Session 1: the application form (a wrong floor area first: the error is on its field), the property certificate, the architect.
    await openSection("application");
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);
    await page.getByLabel(t.items.municipality).selectOption(MUNICIPALITY);
    await page.getByLabel(t.items.addressArea).fill(j.area);
    await page.getByLabel(t.items.address).fill("Rue des Pins, lot 12");
    await page.getByRole("radio", { name: t.worksTypes.new }).check();
    await page.getByLabel(t.items.floorArea).fill("1a8");
    await page.getByRole("group", { name: t.items.townPlanUnderStudy }).getByRole("radio", { name: t.no }).check();
    await page.getByRole("group", { name: t.items.protectedSite }).getByRole("radio", { name: t.no }).check();
    await page.getByRole("button", { name: t.save }).click();
    await expect(page.getByRole("link", { name: t.errors.floorArea })).toBeVisible();
    await page.getByLabel(t.items.floorArea).fill("180");
    await save();
    await expect(status("application")).toHaveAttribute("data-status", "completed");
    // 180 m²: no energy study in the file.
    await expect(status("energy")).toHaveCount(0);

    await openSection("property");
    await page.getByLabel(t.documents["property-certificate"]).setInputFiles([png(n++)]);
    await save();
    await expect(status("property")).toHaveAttribute("data-status", "completed");

    await openSection("architect");
    await page.getByLabel(t.items.architectName).fill("Leila Ben Salah");
    await save();
    await expect(status("architect")).toHaveAttribute("data-status", "inProgress");

    // Between the sessions: reload, sign out, sign in again — the file is all there, on the server.
    await page.reload();
    await expect(status("application")).toHaveAttribute("data-status", "completed");
    await page.context().clearCookies();
    await page.goto(draftUrl);
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, { phone, locale: j.l, returnTo: new URL(draftUrl).pathname, reuse: false });
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expect(status("application")).toHaveAttribute("data-status", "completed");
    await expect(status("property")).toHaveAttribute("data-status", "completed");
    await expect(status("architect")).toHaveAttribute("data-status", "inProgress");
    await expect(status("taxes")).toHaveAttribute("data-status", "notStarted");

    // Session 2: the check says exactly what is missing, and there is no send button yet.
    await page.getByRole("link", { name: t.check.link }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.check.title })).toBeVisible();
    await expect(page.locator("[data-missing] li")).toHaveCount(8); // registration, architect's project, 2 tax receipts, survey, site, ground, drawings
    await expect(page.locator('[data-item="registration"]')).toBeVisible();
    await expect(page.getByRole("button", { name: t.check.send })).toHaveCount(0);
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);
    await page.locator('[data-item="registration"] a').click();
    await expect(page.getByRole("heading", { level: 1, name: t.sections.architect })).toBeVisible();
    await page.getByLabel(t.items.registration).fill("A-1234");
    await page.getByLabel(t.documents["construction-project"]).setInputFiles([png(n++), png(n++)]);
    await save();
    await openSection("taxes");
    await page.getByLabel(t.documents["income-tax-receipt"]).setInputFiles([png(n++)]);
    await page.getByLabel(t.documents["property-tax-receipt"]).setInputFiles([png(n++)]);
    await save();
    await openSection("plans");
    await page.getByLabel(t.documents["site-plan"]).setInputFiles([png(n++)]);
    await page.getByLabel(t.documents["ground-plan"]).setInputFiles([png(n++)]);
    await save();
    await openSection("drawings");
    await page.getByLabel(t.documents.drawings).setInputFiles([png(n++)]);
    await save();
    // The surveyor's plan is the one left: the check names it, and only it.
    await page.getByRole("link", { name: t.check.link }).click();
    await expect(page.locator("[data-missing] li")).toHaveCount(1);
    await expect(page.locator('[data-item="survey-plan"]')).toBeVisible();
    await page.locator('[data-item="survey-plan"] a').click();
    await page.getByLabel(t.documents["survey-plan"]).setInputFiles([png(n++)]);
    await save();
    for (const sec of ["application", "property", "architect", "taxes", "survey", "plans", "drawings"]) await expect(status(sec)).toHaveAttribute("data-status", "completed");

    await page.getByRole("link", { name: t.check.link }).click();
    await expect(page.getByText(t.check.complete)).toBeVisible();
    await page.getByRole("button", { name: t.check.send }).click();
    await expect(page).toHaveURL(new RegExp(`/${j.l}/my/cases/IDR-`));
    const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    // Before the completeness check, the 45 days have not started.
    await expect(page.locator('[data-permit-clock="paused"]')).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);
    // The draft is now the case: its task list leads there.
    await page.goto(draftUrl);
    await expect(page).toHaveURL(new RegExp(`/my/cases/${reference}`));

    // The municipality's agent: the whole file; a document is asked for (the clock still waits).
    const agent = await staffPage(browser, AGENT, `/fr/staff/cases/${reference}`);
    await expect(agent.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(agent.getByText(pf.documents["survey-plan"]).first()).toBeVisible();
    await expectNoSeriousA11yIssues(agent);
    await agent.getByLabel(s.transitionMessage.replace("{action}", pf.actions.askDocuments)).fill("Le plan du géomètre est illisible : merci d'envoyer un scan net.");
    await agent.getByRole("button", { name: pf.actions.askDocuments }).click();
    await expect(agent.getByText(s.done.status)).toBeVisible();

    // The citizen adds it: back to the municipality's check.
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: t.addition.heading })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);
    await page.getByLabel(t.documents["survey-plan"]).setInputFiles([png(n)]);
    await page.getByRole("button", { name: t.addition.submit }).click();
    await expect(page.getByText(t.addition.done)).toBeVisible();
    await expect(page.locator('[data-permit-clock="paused"]')).toBeVisible();

    // Complete: the 45 days start; the commission is convened with its two members.
    await agent.reload();
    await agent.getByRole("button", { name: pf.actions.fileComplete }).click();
    await expect(agent.getByText(s.done.status)).toBeVisible();
    await expect(agent.locator('[data-permit-clock="running"]')).toBeVisible();
    await agent.getByLabel(pf.commission.meetsAt).fill(tunisNow());
    await agent.getByRole("checkbox", { name: "Agent Aïn Draham" }).check();
    await agent.getByRole("checkbox", { name: "رئيسة لجنة رخص البناء بعين دراهم" }).check();
    await agent.getByRole("button", { name: pf.commission.convene }).click();
    await expect(agent.getByText(pf.commission.done)).toBeVisible();
    await expectNoSeriousA11yIssues(agent);

    // The session is now: its call room is open, and both members meet in it.
    const join = agent.getByRole("link", { name: pf.commission.join });
    const meetingPath = (await join.getAttribute("href"))!;
    const session = meetingPath.split("/").pop()!;
    // The applicant is not a member: no page, no event stream.
    const applicantStream = await page.evaluate(async (u) => (await fetch(u)).status, `/api/permits/commissions/${session}/events?peer=${crypto.randomUUID()}`);
    expect(applicantStream).toBe(404);
    await join.click();
    await expect(agent.getByRole("heading", { level: 1, name: fr.CommissionCall.title })).toBeVisible();
    const official = await staffPage(browser, OFFICIAL, `/fr/staff/cases/${reference}`);
    await official.getByRole("link", { name: pf.commission.join }).click();
    await expect(official.getByRole("heading", { level: 1, name: fr.CommissionCall.title })).toBeVisible();
    // No lobby: each member is in by right, and each sees the other's live picture.
    await expectVideoPlaying(agent.locator('figure[data-role="member"] video[data-remote]'));
    await expectVideoPlaying(official.locator('figure[data-role="member"] video[data-remote]'));
    for (const member of [agent, official]) {
      await expect
        .poll(() => connectedPeers(member), { timeout: 20_000, message: "one RTCPeerConnection, connected" })
        .toBe(1)
        .catch(async (error: unknown) => {
          throw new Error(`connections: ${await peers(member)}`, { cause: error });
        });
    }
    await expectNoSeriousA11yIssues(agent);

    // The meeting over: each member records their opinion on the file.
    await agent.getByRole("button", { name: fr.Call.hangUp }).click();
    await expect(agent.getByRole("heading", { name: fr.Call.leftTitle })).toBeVisible();
    await agent.getByRole("link", { name: fr.CommissionCall.back }).click();
    await agent.getByRole("radio", { name: pf.commission.opinions.favourable, exact: true }).check();
    await agent.getByRole("button", { name: pf.commission.give }).click();
    await expect(agent.getByText(pf.commission.opinionDone)).toBeVisible();

    await official.getByRole("button", { name: fr.Call.hangUp }).click();
    await official.getByRole("link", { name: fr.CommissionCall.back }).click();
    await official.getByRole("radio", { name: pf.commission.opinions.favourableWithConditions }).check();
    await official.getByLabel(pf.commission.remarks).fill("Recul de 3 m sur la voie.");
    await official.getByRole("button", { name: pf.commission.give }).click();
    await expect(official.getByText(pf.commission.opinionDone)).toBeVisible();
    await expect(official.locator('[data-member-opinion="favourable"]')).toHaveCount(1);
    await expect(official.locator('[data-member-opinion="favourableWithConditions"]')).toHaveCount(1);
    await official.context().close();

    // The decision: granted with conditions, issued signed.
    await agent.reload();
    await agent.getByLabel(s.transitionMessage.replace("{action}", pf.actions.grantWithConditions)).fill("Recul de 3 m sur la voie publique.");
    await agent.getByRole("button", { name: pf.actions.grantWithConditions }).click();
    await expect(agent.getByText(s.done.status)).toBeVisible();
    await agent.context().close();

    // The citizen downloads the signed decision; anyone verifies its code.
    await page.reload();
    const download = page.getByRole("link", { name: t.decision.download });
    await expect(download).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);
    const pdf = await page.request.get((await download.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.includes(Buffer.from("/ByteRange"))).toBe(true); // signed (PAdES)
    const code = (await page.locator("[data-decision-code]").getAttribute("data-decision-code"))!;
    await page.context().clearCookies();
    await page.goto(`/${j.l}/verify/${code}`);
    await expect(page.getByRole("heading", { level: 1, name: j.m.DocumentCheck.genuine })).toBeVisible();
    await expect(page.locator('[data-permit-decision="grantedWithConditions"]')).toBeVisible();
    await expect(page.getByText(j.name)).toHaveCount(0);
    await expectNoSeriousA11yIssues(page);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    test.info().annotations.push({ type: "permit journey (s)", description: seconds });
    console.info(`permit journey (${j.l}): ${seconds} s from "start online" to the verified decision`);

    // The public register of the municipality: the file, its area, the decision — no name.
    await page.goto(`/${j.l}/permit-decisions?municipality=${MUNICIPALITY}`);
    await expect(page.getByRole("heading", { level: 1, name: t.register.title })).toBeVisible();
    const row = page.locator(`[data-reference="${reference}"]`);
    await expect(row).toContainText(j.area);
    await expect(row).toContainText(t.pdf.grantedWithConditions);
    await expect(page.getByText(j.name)).toHaveCount(0);
    await expectNoSeriousA11yIssues(page);
    await expectNoSidewaysScroll(page);
  });
}
