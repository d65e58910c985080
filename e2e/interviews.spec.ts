import { expect, test, type Page } from "@playwright/test";
import { connectMs } from "./support/call-probe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { smsCode } from "./support/sms";
import { setServerClock } from "./support/clock";
import { addDays, book, comingMonday, expectVideoPlaying, participant, say, tunis } from "./support/interviews";

/**
 * Remote interviews, end to end: booking (with the server clock frozen), the official's agenda,
 * the lobby, a real WebRTC call between browser contexts with fake camera and microphone, the
 * interpreter's pinned picture, outsiders kept out, and old links dead after a reschedule.
 * One file, in order: the tests share the server clock.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const monday = comingMonday(2);

test.afterAll(async ({ request }) => {
  await setServerClock(request, null);
});

/** A GET from inside the page (its cookies, as the browser sends them); a stream is not read. */
async function inPage(page: Page, url: string) {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    const type = res.headers.get("content-type") ?? "";
    const text = type.includes("event-stream") ? "" : await res.text();
    return { status: res.status, type, text };
  }, url);
}

test("ar: a citizen books, the official sees it, both join, the lobby, live video, sound only, hang up, outcome", async ({ browser, baseURL, request }) => {
  await setServerClock(request, tunis(monday, "07:30"));
  const citizen = await participant(browser, baseURL!, "ar-TN");
  await signIn(citizen.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const bookingPath = await book(citizen.page, { locale: "ar", body: /الستاغ/, topic: /فاتورة/, interpreter: false, time: "09:10", subject: "فاتورة الكهرباء الأخيرة مرتفعة جدًّا", axe: true });
  const id = bookingPath.split("/").pop()!;

  // The confirmation is in the citizen's inbox too, with the Tunis time and a link back.
  await citizen.page.goto("/ar/my/inbox");
  await citizen.page.getByRole("link", { name: /حُجزت المقابلة/ }).first().click();
  await expect(citizen.page).toHaveURL(new RegExp(`${bookingPath}$`));

  // The calendar file carries the right Tunis time.
  const ics = await inPage(citizen.page, `/api/interviews/${id}/ics?locale=ar-TN`);
  expect(ics.type, `${ics.status} ${ics.text}`).toContain("text/calendar");
  expect(ics.text).toContain(`DTSTART;TZID=Africa/Tunis:${monday.replace(/-/g, "")}T091000`);

  // Before the window, there is no room.
  await citizen.page.goto(`${bookingPath}/call`);
  await expect(citizen.page.getByText("قاعة المحادثة لم تُفتح بعد.")).toBeVisible();

  // Ten minutes before: the room opens.
  await setServerClock(request, tunis(monday, "09:00"));
  // Over an hour later: the citizen's session has idled out (60 minutes), as it would for a person: sign in again.
  await signIn(citizen.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const official = await participant(browser, baseURL!, "fr-TN");
  await signIn(official.page, { phone: demoAccounts.officialRegional, locale: "fr" });
  await official.page.goto(`/fr/staff/agenda?view=day&date=${monday}`);
  await expect(official.page.getByText("فاتورة الكهرباء الأخيرة مرتفعة جدًّا")).toBeVisible();
  await expectNoSeriousA11yIssues(official.page);
  await official.page.getByRole("link", { name: "فاطمة بن علي" }).click();
  await expect(official.page.getByRole("heading", { level: 1 })).toContainText("RDV-");

  // The citizen arrives first and waits in the lobby, seeing themself.
  await citizen.page.goto(`${bookingPath}/call`);
  await expect(citizen.page.getByRole("heading", { name: "قاعة الانتظار" })).toBeVisible();
  await expect.poll(() => citizen.page.locator("video[data-self]").evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);

  await official.page.getByRole("link", { name: "Rejoindre l'appel vidéo" }).click();
  await expect(official.page.getByRole("heading", { name: "En attente d'entrer" })).toBeVisible();
  // Until admitted, the citizen is not in the call.
  await expect(citizen.page.locator("video[data-remote]")).toHaveCount(0);
  await official.page.getByRole("button", { name: /Faire entrer/ }).click();

  await expectVideoPlaying(citizen.page.locator('figure[data-role="official"] video[data-remote]'));
  await expectVideoPlaying(official.page.locator('figure[data-role="citizen"] video[data-remote]'));
  expect(await connectMs(citizen.page)).not.toBeNull();

  // Sound only: the citizen's camera goes off, and the official is told.
  await citizen.page.getByRole("button", { name: "الصوت فقط (إطفاء الكاميرا)" }).click();
  await expect(official.page.locator('figure[data-role="citizen"] [data-camera-off]')).toBeVisible();
  await expect(citizen.page.getByRole("button", { name: "تشغيل الكاميرا" })).toHaveAttribute("aria-pressed", "true");

  // Hang up, then the outcome, which the citizen reads in their booking.
  await setServerClock(request, tunis(monday, "09:20")); // past the start; staff sessions idle out after 30 min
  await official.page.getByRole("button", { name: "Raccrocher" }).click();
  await expect(official.page.getByRole("heading", { name: "Vous avez quitté l'appel" })).toBeVisible();
  await expect(citizen.page.locator('figure[data-role="official"]')).toHaveCount(0);
  await official.page.getByRole("link", { name: "Rédiger la suite donnée" }).click();
  await official.page.getByLabel("Ce que le citoyen doit savoir ou faire ensuite").fill("Un relevé de compteur sera fait cette semaine ; la facture sera corrigée.");
  await official.page.getByRole("button", { name: "Enregistrer la suite donnée" }).click();
  await expect(official.page.getByRole("status").first()).toContainText("Suite donnée enregistrée");
  // A procedure follows: one step opens a case from the outcome, in the citizen's name.
  await official.page.getByRole("button", { name: "Ouvrir une démarche à partir de cette suite" }).click();
  await expect(official.page.getByRole("status").first()).toContainText("Démarche ouverte");
  await expect(official.page.getByText(/La démarche IDR-/)).toBeVisible();

  await citizen.page.goto(bookingPath);
  await expect(citizen.page.getByRole("region", { name: "ما كتبه المسؤول بعد المقابلة" })).toBeVisible();
  await expect(citizen.page.getByText("Un relevé de compteur sera fait cette semaine")).toBeVisible();
  await citizen.page.getByRole("link", { name: "متابعة الإجراء" }).click();
  await expect(citizen.page).toHaveURL(/\/my\/cases\/IDR-/);
  await expect(citizen.page.getByText("Un relevé de compteur sera fait cette semaine").first()).toBeVisible();
  await citizen.context.close();
  await official.context.close();
});

test("fr: with a sign-language interpreter, three take part and the interpreter's picture is pinned; an outsider cannot join", async ({ browser, baseURL, request }) => {
  const tuesday = addDays(monday, 1);
  await setServerClock(request, tunis(tuesday, "07:00"));
  const citizen = await participant(browser, baseURL!, "fr-TN");
  await signIn(citizen.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  const bookingPath = await book(citizen.page, { locale: "fr", body: /SONEDE/, topic: /Une facture/, interpreter: true, time: "08:30", subject: "Je suis sourd : question sur ma facture d'eau", file: "facture-eau", axe: true });
  await expect(citizen.page.getByText(/Interprète en langue des signes/).first()).toBeVisible();
  const fileHref = await citizen.page.getByRole("region", { name: "Vos documents" }).getByRole("link", { name: "facture-eau" }).getAttribute("href");
  expect(fileHref).toMatch(/^\/api\/interviews\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/);
  expect((await inPage(citizen.page, fileHref!)).type).toBe("image/png");

  await setServerClock(request, tunis(tuesday, "08:25"));
  // Over an hour later: the citizen's session has idled out (60 minutes), as it would for a person: sign in again.
  await signIn(citizen.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  const official = await participant(browser, baseURL!, "fr-TN");
  const interpreter = await participant(browser, baseURL!, "fr-TN");
  await signIn(official.page, { phone: demoAccounts.officialCentral, locale: "fr" });
  await signIn(interpreter.page, { phone: demoAccounts.interpreter, locale: "fr" });

  // An outsider (another citizen) gets nothing: no page, no event stream.
  const outsider = await participant(browser, baseURL!, "ar-TN");
  await signIn(outsider.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const outsiderCall = await outsider.page.goto(bookingPath.replace("/fr/", "/ar/") + "/call");
  expect(outsiderCall?.status()).toBe(404);
  const events = await inPage(outsider.page, `/api/interviews/${bookingPath.split("/").pop()}/events?peer=${crypto.randomUUID()}`);
  expect(events.status).toBe(404);
  // Nor the citizen's document, by the booking's route or the general one.
  expect((await inPage(outsider.page, fileHref!)).status).toBe(404);
  expect((await inPage(outsider.page, `/api/files/${fileHref!.split("/").pop()}`)).status).toBe(404);
  await outsider.context.close();

  // The official and the interpreter see the document on the booking, and can open it.
  await official.page.goto(`/fr/staff/agenda/${bookingPath.split("/").pop()}`);
  await expect(official.page.getByRole("region", { name: "Documents joints par le citoyen" }).getByRole("link", { name: "facture-eau" })).toBeVisible();
  expect((await inPage(official.page, fileHref!)).type).toBe("image/png");
  expect((await inPage(interpreter.page, fileHref!)).type).toBe("image/png");

  await citizen.page.goto(`${bookingPath}/call`);
  await interpreter.page.goto(`${bookingPath}/call`);
  await official.page.goto(`${bookingPath}/call`);
  await expect(official.page.getByRole("heading", { name: "En attente d'entrer" })).toBeVisible();
  await expect(official.page.getByRole("button", { name: /Faire entrer/ })).toHaveCount(2);
  await official.page.getByRole("button", { name: /Faire entrer/ }).first().click();
  await expect(official.page.getByRole("button", { name: /Faire entrer/ })).toHaveCount(1);
  await official.page.getByRole("button", { name: /Faire entrer/ }).click();

  for (const [page, others] of [
    [citizen.page, ["official", "interpreter"]],
    [official.page, ["citizen", "interpreter"]],
    [interpreter.page, ["citizen", "official"]],
  ] as const) {
    for (const role of others) await expectVideoPlaying(page.locator(`figure[data-role="${role}"] video[data-remote]`));
    // The signers (interpreter and citizen) are pinned for everyone; the official is not.
    await expect(page.locator('figure[data-role="interpreter"]')).toHaveAttribute("data-pinned", "true");
    await expect(page.locator('figure[data-role="citizen"]')).toHaveAttribute("data-pinned", "true");
    await expect(page.locator('figure[data-role="official"]')).toHaveAttribute("data-pinned", "false");
  }
  const tile = async (page: Page, role: string) => (await page.locator(`figure[data-role="${role}"]`).boundingBox())!.width;
  expect(await tile(official.page, "interpreter")).toBeGreaterThan(await tile(official.page, "official"));
  // On a wide screen too (a desk at a service house), the signers stay the large pictures.
  await official.page.setViewportSize({ width: 1280, height: 900 });
  await expect.poll(() => tile(official.page, "official")).toBeLessThan(400);
  expect(await tile(official.page, "interpreter")).toBeGreaterThan(1.5 * (await tile(official.page, "official")));
  expect(await tile(official.page, "citizen")).toBeGreaterThan(1.5 * (await tile(official.page, "official")));

  // The written chat reaches the others.
  await citizen.page.getByLabel("Écrire un message").fill("Bonjour, je vous lis.");
  await citizen.page.getByRole("button", { name: "Envoyer" }).click();
  await expect(interpreter.page.getByRole("log")).toContainText("Bonjour, je vous lis.");
  await expect(official.page.getByRole("log")).toContainText("Bonjour, je vous lis.");

  // A dropped page rejoins without a new booking (and without waiting again).
  await citizen.page.reload();
  await expectVideoPlaying(citizen.page.locator('figure[data-role="interpreter"] video[data-remote]'));
  await expectVideoPlaying(official.page.locator('figure[data-role="citizen"] video[data-remote]'));

  for (const p of [citizen, official, interpreter]) await p.context.close();
});

test("fr: a reschedule makes the old link dead; a cancelled booking cannot be changed", async ({ browser, baseURL, request }) => {
  const wednesday = addDays(monday, 2);
  await setServerClock(request, tunis(wednesday, "07:00"));
  const citizen = await participant(browser, baseURL!, "fr-TN");
  await signIn(citizen.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  // From a catalogue service page: "talk to an official about this" opens the booking with the
  // body and the topic already chosen (a plain link on a static page).
  await citizen.page.goto("/fr/services/steg-bill-complaint");
  await expect(citizen.page.getByRole("heading", { name: "En parler avec un responsable" })).toBeVisible();
  await expectNoSeriousA11yIssues(citizen.page);
  await citizen.page.getByRole("link", { name: "Réserver un entretien" }).click();
  await expect(citizen.page).toHaveURL(/\/fr\/interviews\/book\?body=steg&topic=billing$/);
  await expect(citizen.page.getByLabel("Une facture")).toBeChecked();
  const oldPath = await book(citizen.page, { locale: "fr", body: /STEG/, topic: /Un compteur/, interpreter: false, time: "10:30", subject: "Compteur bloqué" });
  // The booking is in "my file" too.
  await citizen.page.goto("/fr/my");
  await expect(citizen.page.getByText("Compteur bloqué")).toBeVisible();
  await citizen.page.goto(oldPath);

  await citizen.page.getByRole("link", { name: "Changer l'horaire" }).click();
  await expect(citizen.page.getByRole("heading", { level: 1 })).toHaveText("Choisissez un nouvel horaire");
  await expectNoSeriousA11yIssues(citizen.page);
  await citizen.page.getByRole("link", { name: /11:50$/ }).first().click();
  // A reason is asked, as for a cancellation.
  await citizen.page.getByRole("button", { name: "Déplacer mon entretien à cet horaire" }).click();
  await expect(citizen.page.locator("[data-error-summary]")).toBeVisible();
  await citizen.page.getByLabel("Pourquoi le déplacez-vous ?").fill("Un empêchement au travail");
  await citizen.page.getByRole("button", { name: "Déplacer mon entretien à cet horaire" }).click();
  await expect(citizen.page).toHaveURL(/\?moved=1/);
  const newPath = new URL(citizen.page.url()).pathname;
  expect(newPath).not.toBe(oldPath);
  await expect(citizen.page.getByText("11:50").first()).toBeVisible();

  // The old link: the booking says it moved, its call and its event stream are closed.
  await citizen.page.goto(oldPath);
  await expect(citizen.page.getByRole("heading", { level: 1 })).toHaveText("Ce rendez-vous a été déplacé");
  await setServerClock(request, tunis(wednesday, "10:25"));
  // Over an hour later: the citizen's session has idled out (60 minutes), as it would for a person: sign in again.
  await signIn(citizen.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  await citizen.page.goto(`${oldPath}/call`);
  await expect(citizen.page.getByText("Ce rendez-vous n'est pas actif.")).toBeVisible();
  const stream = await inPage(citizen.page, `/api/interviews/${oldPath.split("/").pop()}/events?peer=${crypto.randomUUID()}`);
  expect(stream.status).toBe(409);

  // Cancel the new one (with a reason); it can then be neither moved nor cancelled again.
  await setServerClock(request, tunis(wednesday, "07:05"));
  await citizen.page.goto(newPath);
  await citizen.page.getByRole("link", { name: "Annuler l'entretien" }).click();
  await citizen.page.getByLabel("Pourquoi annulez-vous ?").fill("Le problème est réglé");
  await citizen.page.getByRole("button", { name: "Annuler l'entretien" }).click();
  await expect(citizen.page.getByRole("region", { name: "Entretien annulé" })).toBeVisible();
  await expect(citizen.page.getByRole("link", { name: "Changer l'horaire" })).toHaveCount(0);
  await citizen.page.goto(`${newPath}/reschedule`);
  await expect(citizen.page.getByText("Ce rendez-vous ne peut plus être modifié.")).toBeVisible();
  await citizen.context.close();
});

test("ar: a refused camera permission says what to do, and sound only still joins", async ({ browser, baseURL, request }) => {
  const thursday = addDays(monday, 3);
  await setServerClock(request, tunis(thursday, "07:00"));
  const citizen = await participant(browser, baseURL!, "ar-TN");
  await signIn(citizen.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  const path = await book(citizen.page, { locale: "ar", body: /الستاغ/, topic: /عدّاد/, interpreter: false, time: "08:30", subject: "عدّاد معطّل" });
  await setServerClock(request, tunis(thursday, "08:25"));
  // Over an hour later: the citizen's session has idled out (60 minutes), as it would for a person: sign in again.
  await signIn(citizen.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  // The browser refuses the camera (as when the person tapped "Block").
  await citizen.page.addInitScript(() => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (c?: MediaStreamConstraints) =>
      c?.video ? Promise.reject(new DOMException("Permission denied", "NotAllowedError")) : original(c);
  });
  await citizen.page.goto(`${path}/call`);
  await expect(citizen.page.getByText("لا تستطيع إدارتي استعمال الكاميرا أو الميكروفون.")).toBeVisible();
  await expect(citizen.page.getByText(/اضغط على رمز القفل/)).toBeVisible();
  await expectNoSeriousA11yIssues(citizen.page);
  await citizen.page.getByRole("button", { name: "الانضمام بالصوت فقط" }).click();
  await expect(citizen.page.getByRole("heading", { name: "قاعة الانتظار" })).toBeVisible();
  await citizen.context.close();
});

test("fr and ar: two citizens check the same time; the second to confirm (without JavaScript) is told it was just taken, keeps the subject, and books a near one", async ({ browser, baseURL, request }) => {
  const friday = addDays(monday, 4);
  await setServerClock(request, tunis(friday, "07:00"));
  // The one who loses does it all without JavaScript (plain form posts, the draft in the address).
  const js = await participant(browser, baseURL!, "fr-TN");
  await signIn(js.page, { phone: demoAccounts.citizenFr, locale: "fr" });
  const lateContext = await browser.newContext({ baseURL, locale: "fr-TN", timezoneId: "Africa/Tunis", javaScriptEnabled: false });
  await lateContext.addCookies(await js.context.cookies());
  await js.context.close();
  const late = { context: lateContext, page: await lateContext.newPage() };
  const early = await participant(browser, baseURL!, "ar-TN");
  await signIn(early.page, { phone: demoAccounts.citizenAr, locale: "ar" });
  // Both reach "check your answers" for 09:50: nothing is reserved yet.
  await book(late.page, { locale: "fr", body: /STEG/, topic: /Une facture/, interpreter: false, time: "09:50", subject: "Facture de mai en double", stopAtCheck: true });
  await book(early.page, { locale: "ar", body: /الستاغ/, topic: /فاتورة/, interpreter: false, time: "09:50", subject: "فاتورة مكرّرة" });

  await late.page.getByRole("button", { name: say.fr.confirm }).click();
  await expect(late.page.getByRole("region", { name: "Cet horaire vient d'être pris" })).toBeVisible();
  await expect(late.page).toHaveURL(/taken=/);
  // The nearest free times are offered first; 09:50 is not among them.
  const nearest = late.page.getByRole("region", { name: "Cet horaire vient d'être pris" }).getByRole("link");
  await expect(nearest.first()).toBeVisible();
  await expect(late.page.getByRole("region", { name: "Cet horaire vient d'être pris" }).getByRole("link", { name: /09:50$/ })).toHaveCount(0);
  await nearest.first().click();
  // The subject typed before is still there.
  await expect(late.page.getByLabel(say.fr.subject)).toHaveValue("Facture de mai en double");
  await late.page.getByRole("button", { name: say.fr.continue }).click();
  await expect(late.page.getByRole("heading", { level: 1 })).toHaveText(say.fr.check);
  await late.page.getByRole("button", { name: say.fr.confirm }).click();
  await expect(late.page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\?booked=1/);
  await expect(late.page.getByText("Facture de mai en double")).toBeVisible();
  for (const p of [late, early]) await p.context.close();
});


const walkIn = {
  ar: { link: "حجز مقابلة لمواطن حاضر في الشباك", body: /الستاغ/, topic: /فاتورة/, no: "لا", time: "10:30", phone: "رقم الهاتف الجوال للمواطن", subject: "ما يريد المواطن التحدّث عنه", hold: "احجز هذا الوقت وأرسل الرمز", codeStep: "الرمز الذي تلقاه المواطن", code: "الرمز", confirm: "تأكيد الموعد", done: "تم حجز المقابلة للمواطن" },
  fr: { link: "Prendre un rendez-vous pour un citoyen au guichet", body: /STEG/, topic: /Une facture/, no: "Non", time: "11:10", phone: "Le numéro de mobile du citoyen", subject: "Ce dont le citoyen veut parler", hold: "Retenir ce créneau et envoyer le code", codeStep: "Le code reçu par le citoyen", code: "Code", confirm: "Confirmer le rendez-vous", done: "Rendez-vous pris pour le citoyen" },
} as const;

for (const l of ["ar", "fr"] as const) {
  test(`${l}: an agent books an interview for a walk-in citizen, who confirms it with the code sent to their phone`, async ({ browser, baseURL, request }) => {
    const saturday = addDays(monday, 5);
    await setServerClock(request, tunis(saturday, "07:00"));
    const w = walkIn[l];
    const agent = await participant(browser, baseURL!, l === "ar" ? "ar-TN" : "fr-TN");
    const citizenPhone = uniquePhone();
    await signIn(agent.page, { phone: demoAccounts.agent, locale: l, returnTo: `/${l}/staff` });
    await agent.page.getByRole("link", { name: w.link }).click();
    await expect(agent.page.getByRole("heading", { level: 1 })).toHaveText(w.link);
    await expectNoSeriousA11yIssues(agent.page);
    await agent.page.getByLabel(w.body).check();
    await agent.page.getByRole("button", { name: say[l].continue }).click();
    await agent.page.getByLabel(w.topic).check();
    await agent.page.getByRole("group", { name: l === "ar" ? /مترجم بلغة الإشارة/ : /interprète en langue des signes/ }).getByLabel(w.no, { exact: true }).check();
    await agent.page.getByRole("button", { name: say[l].continue }).click();
    await agent.page.getByRole("link", { name: new RegExp(`${w.time}$`) }).first().click();
    await expect(agent.page.getByText(w.time).first()).toBeVisible();
    await agent.page.getByLabel(w.phone).fill(citizenPhone.replace("+216", ""));
    await agent.page.getByLabel(w.subject).fill(l === "ar" ? "فاتورة غير مفهومة" : "Facture incomprise");
    await agent.page.getByRole("button", { name: w.hold }).click();

    // The time is held; the citizen reads out the code they received.
    await expect(agent.page.getByRole("heading", { level: 1 })).toHaveText(w.codeStep);
    await expectNoSeriousA11yIssues(agent.page);
    const code = await smsCode(agent.page, citizenPhone, "interview-walk-in");
    await agent.page.getByLabel(w.code, { exact: true }).fill(code);
    await agent.page.getByRole("button", { name: w.confirm }).click();
    await expect(agent.page.getByRole("heading", { level: 1 })).toHaveText(w.done);
    await expect(agent.page.getByRole("status")).toContainText(/RDV-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await agent.context.close();
  });
}
