// The form pages of `npm run bench` (scripts/bench.mjs): every page that holds a form, reached as
// a person reaches it — signed in as the demo citizen, agent, official or admin, through the real
// pages without JavaScript (scripts/support/http-forms.ts) — and weighed like the public routes:
// the gzipped JS its HTML loads. To reach the pages behind a first step, it files a suggestion
// (the check page, the citizen's and the agent's case pages) and books an interview (the booking's
// check, cancel and reschedule pages, the official's agenda) on the bench's throw-away database.
import { URLSearchParams } from "node:url";
import { tsImport } from "tsx/esm/api";

const demo = { citizen: "+21698123456", agent: "+21620000002", official: "+21620000003", admin: "+21620000001" };

/**
 * One row a form page: { route, who, gz, overControl } or { route, who, error } when the page
 * could not be reached (the table says so rather than leaving it out).
 */
export async function measureFormPages({ base, htmlJs, control }) {
  const { HttpClient, signInOverHttp } = await tsImport("./http-forms.ts", import.meta.url);
  const rows = [];

  /** Weighs the page at `path` as `client` sees it; `route` is how the table names it. */
  async function weigh(who, client, route, path = route) {
    const page = await client.get(path);
    if (page.status !== 200) throw new Error(`${path}: HTTP ${page.status}`);
    const landed = new URL(page.url).pathname;
    if (landed !== new URL(path, base).pathname) throw new Error(`${path} led to ${landed}`);
    return record(who, route, page);
  }

  async function record(who, route, page) {
    const r = await htmlJs(page.html);
    rows.push({ route, who, ...r, overControl: r.gz - control.gz });
    return page;
  }

  /** A step that may fail (a flow the bench cannot complete): its row says why, the rest goes on. */
  async function attempt(who, route, run) {
    try {
      return await run();
    } catch (error) {
      rows.push({ route, who, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** Posts a form of `page` (found by `marker`) as a browser without JavaScript, without an empty file field. */
  async function post(client, page, marker, fill) {
    const { action, data } = client.formData(page, marker, fill);
    for (const name of ["attachments", "photos"]) if (data.get(name) === "") data.delete(name);
    const { res, body } = await client.raw(new URL(action, page.url).href, { method: "POST", body: data });
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) return client.get(new URL(location, page.url).href);
    const alert = /role="alert"[^>]*>([^<]{0,120})/.exec(body)?.[1];
    throw new Error(`${marker} on ${new URL(page.url).pathname}: HTTP ${res.status}${alert ? ` (${alert})` : ""}`);
  }

  /** Sends a GET form of `page` (a step of the booking) with the answers in `fill`. */
  async function step(client, page, marker, fill) {
    const { action, data } = client.formData(page, marker, fill);
    return client.get(`${new URL(action, page.url).pathname}?${new URLSearchParams([...data].map(([k, v]) => [k, String(v)]))}`);
  }

  // Signed out: the two sign-in steps (the second needs a pending code request in this browser).
  const anon = new HttpClient(base);
  const signInPage = await attempt("—", "/ar/sign-in", () => weigh("—", anon, "/ar/sign-in"));
  if (signInPage) {
    await attempt("—", "/ar/sign-in/code", async () => {
      const code = await anon.submit(signInPage, 'name="phone"', { phone: "+21655123456" });
      return weigh("—", anon, "/ar/sign-in/code", new URL(code.page.url).pathname + new URL(code.page.url).search);
    });
  }

  // A newcomer's first-time page (name and language).
  await attempt("newcomer", "/ar/welcome", async () => {
    const newcomer = new HttpClient(base);
    const page = await signInOverHttp(newcomer, { phone: `+2165${String(Date.now() % 10_000_000).padStart(7, "0")}`, returnTo: "/ar/account", locale: "ar", onboard: false });
    const path = new URL(page.url).pathname;
    if (path !== "/ar/welcome") throw new Error(`a newcomer's sign-in led to ${path}`);
    return record("newcomer", "/ar/welcome", page);
  });

  // The citizen.
  const citizen = new HttpClient(base);
  await signInOverHttp(citizen, { phone: demo.citizen, returnTo: "/ar/account", locale: "ar" });
  for (const route of ["/ar/requests/complaint/new", "/ar/requests/suggestion/new", "/ar/requests/information/new", "/ar/requests/report/new", "/ar/questions/new", "/ar/bills/add", "/ar/pay/find", "/ar/account"]) {
    await attempt("citizen", route, () => weigh("citizen", citizen, route));
  }
  // A demo bill (README, "Demo data"), found by its reference, to the page that commits the payment.
  await attempt("citizen", "/ar/pay/check/[checkoutId]", async () => {
    const find = await citizen.get("/ar/pay/find");
    const check = await post(citizen, find, 'name="reference"', { biller: "steg", reference: "4011223301", key: "17" });
    const path = new URL(check.url).pathname;
    if (!/\/pay\/check\//.test(path)) throw new Error(`finding the bill led to ${path}`);
    return weigh("citizen", citizen, "/ar/pay/check/[checkoutId]", path);
  });
  // A suggestion, through its check page, to the case page and its message form.
  let reference = null;
  await attempt("citizen", "/ar/requests/check/[key]", async () => {
    const form = await citizen.get("/ar/requests/suggestion/new");
    const check = await post(citizen, form, 'name="idempotencyKey"', {
      bodyId: "municipality",
      municipalityId: "municipality-haidra",
      description: "The street lights of the market road stay off after nine in the evening; please light them until midnight.",
    });
    const path = new URL(check.url).pathname;
    if (!/\/requests\/check\//.test(path)) throw new Error(`the suggestion led to ${path}`);
    await weigh("citizen", citizen, "/ar/requests/check/[key]", path);
    const sent = await post(citizen, check, 'name="key"', {});
    reference = /\/my\/cases\/([^/]+)\/sent/.exec(new URL(sent.url).pathname)?.[1] ?? null;
    if (!reference) throw new Error(`sending led to ${new URL(sent.url).pathname}`);
  });
  if (reference) await attempt("citizen", "/ar/my/cases/[reference]", () => weigh("citizen", citizen, "/ar/my/cases/[reference]", `/ar/my/cases/${reference}`));

  // An interview booking, step by step (GET forms, then the slot's link, then two posts).
  let bookingId = null;
  await attempt("citizen", "/ar/interviews/book (the booking's steps)", async () => {
    const first = await weigh("citizen", citizen, "/ar/interviews/book");
    // STEG: its regional official is a demo host (scripts/seed-interviews.ts).
    const second = await step(citizen, first, 'name="body"', { body: "steg" });
    await record("citizen", "/ar/interviews/book (2: topic)", second);
    const third = await step(citizen, second, 'name="topic"', { topic: "billing", interpreter: "no" });
    await record("citizen", "/ar/interviews/book (3: time)", third);
    const slotHref = /href="([^"]*(?:\?|&amp;)slot=[^"]+)"/.exec(third.html)?.[1];
    if (!slotHref) throw new Error(`no free time offered at ${third.url}: ${/<h1[^>]*>([^<]*)/.exec(third.html)?.[1]}`);
    const fourth = await citizen.get(new URL(slotHref.replace(/&amp;/g, "&"), third.url).href);
    await record("citizen", "/ar/interviews/book (4: subject)", fourth);
    const check = await post(citizen, fourth, 'name="subject"', { subject: "A question about my last electricity bill." });
    if (!/step=check/.test(check.url)) throw new Error(`the subject step led to ${check.url}`);
    await record("citizen", "/ar/interviews/book (5: check)", check);
    const booked = await post(citizen, check, 'name="draft"', {});
    bookingId = /\/interviews\/([0-9a-f-]{36})/.exec(new URL(booked.url).pathname)?.[1] ?? null;
    if (!bookingId) throw new Error(`confirming led to ${new URL(booked.url).pathname}`);
  });
  if (bookingId) {
    for (const sub of ["", "/cancel", "/reschedule"]) {
      const route = `/ar/interviews/[id]${sub}`;
      await attempt("citizen", route, () => weigh("citizen", citizen, route, `/ar/interviews/${bookingId}${sub}`));
    }
  }

  // Staff: the agent of Haidra (municipality: the suggestion's body), the STEG official (the interview's host), the admin.
  const agent = new HttpClient(base);
  await signInOverHttp(agent, { phone: demo.agent, returnTo: "/ar/staff", locale: "ar" });
  for (const route of ["/ar/staff", "/ar/staff/walk-in", "/ar/staff/interview-walk-in"]) await attempt("agent", route, () => weigh("agent", agent, route));
  if (reference) await attempt("agent", "/ar/staff/cases/[reference]", () => weigh("agent", agent, "/ar/staff/cases/[reference]", `/ar/staff/cases/${reference}`));
  const official = new HttpClient(base);
  await signInOverHttp(official, { phone: demo.official, returnTo: "/ar/staff", locale: "ar" });
  for (const route of ["/ar/staff/availability", "/ar/staff/agenda"]) await attempt("official", route, () => weigh("official", official, route));
  if (bookingId) await attempt("official", "/ar/staff/agenda/[id]", () => weigh("official", official, "/ar/staff/agenda/[id]", `/ar/staff/agenda/${bookingId}`));
  const admin = new HttpClient(base);
  await signInOverHttp(admin, { phone: demo.admin, returnTo: "/ar/staff", locale: "ar" });
  for (const route of ["/ar/staff/admin/users", "/ar/staff/kiosks"]) await attempt("admin", route, () => weigh("admin", admin, route));

  return rows;
}
