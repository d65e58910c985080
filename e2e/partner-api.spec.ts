import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020";
import { expectNoSeriousA11yIssues } from "./support/axe";
import { demoAccounts, signIn, uniquePhone } from "./support/auth";
import { decideInD17, newStegBill, newWallet } from "./support/payments";
import fr from "../messages/fr.json";
import ar from "../messages/ar.json";

/**
 * The partner API, as a body's system meets it: an admin creates the bodies' keys (shown once),
 * then the CONTRACT TEST walks every operation of /api/v1/openapi.json against this running
 * production build and checks every documented answer — success and errors (400, 401, 403, 404,
 * 409, 413, 422, 429) — against its JSON Schema from the document (ajv). The document documents
 * nothing the test cannot produce: an answer without a way to cause it fails the walk.
 * Around it: body A's key never sees body B's cases (404), the rate limit (429 + Retry-After),
 * idempotent writes, pagination, and a revoked key refused at once.
 */
test.describe.configure({ timeout: 300_000 });

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: { "application/json": { schema: Json } }; headers?: Json }> }>>; components: { schemas: Json } };

const t = fr.PartnerApi;

async function createKey(page: Page, opts: { body: string; label: string; scopes: (keyof typeof t.scopes)[]; perMinute?: number }): Promise<string> {
  await page.getByLabel(t.bodyLabel, { exact: true }).selectOption(opts.body);
  await page.getByLabel(t.labelLabel).fill(opts.label);
  for (const s of opts.scopes) await page.getByRole("checkbox", { name: t.scopes[s], exact: true }).check();
  await page.getByLabel(t.perMinuteLabel).fill(String(opts.perMinute ?? 600));
  await page.getByRole("button", { name: t.create }).click();
  const shown = page.locator("[data-api-key]");
  await expect(shown).toHaveText(/^idk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!.trim();
  // The form is blank again for the next key.
  await expect(page.getByLabel(t.labelLabel)).toHaveValue("");
  return key;
}

async function fileQuestion(page: Page, bodyId: string, subject: string): Promise<string> {
  const res = await page.request.post("/api/v1/submissions", {
    headers: { origin: new URL(page.url()).origin, "idempotency-key": `partner-${randomUUID()}` },
    data: { kind: "question", payload: { bodyId, subject, question: `${subject} — où en est ma demande ?` }, locale: "fr-TN" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).reference as string;
}

test("fr + ar: an admin creates the bodies' keys; the contract test walks every operation and answer of the OpenAPI document", async ({ page, browser, request }) => {
  // ── A citizen: two questions to STEG, one to SONEDE, and a STEG bill paid with D17. ──────
  const bill = await newStegBill(request);
  const wallet = await newWallet(request);
  await signIn(page, { phone: uniquePhone(), locale: "fr", returnTo: "/fr/pay/find" });
  const a1 = await fileQuestion(page, "steg", "Compteur");
  const a2 = await fileQuestion(page, "steg", "Facture");
  const b1 = await fileQuestion(page, "sonede", "Fuite");
  await page.getByLabel("Société Tunisienne de l'Électricité et du Gaz (STEG)").check();
  await page.getByLabel("Référence de la facture").fill(bill.reference);
  await page.getByLabel("Clé", { exact: true }).fill(bill.key);
  await page.getByRole("button", { name: "Trouver la facture" }).click();
  await page.getByLabel("Votre numéro de téléphone D17").fill(wallet.local);
  await page.getByRole("button", { name: /^Payer .* avec D17$/ }).click();
  // The request has reached D17 once the page waits for the approval (as pay.spec.ts does).
  await expect(page.getByRole("heading", { level: 1, name: "Ouvrez D17 sur votre téléphone et approuvez" })).toBeVisible({ timeout: 30_000 });
  await decideInD17(page.context(), wallet, "approve");
  await expect(page.getByRole("heading", { level: 1, name: "Reçu de paiement" })).toBeVisible({ timeout: 30_000 });
  const paymentRef = (await page.getByTestId("payment-reference").textContent())!.trim();

  // ── The admin's page: keys created, each shown once. ─────────────────────────────────────
  const adminContext = await browser.newContext({ locale: "fr-TN" });
  const admin = await adminContext.newPage();
  await signIn(admin, { phone: demoAccounts.admin, locale: "fr", returnTo: "/fr/staff/admin/api-keys" });
  await expect(admin.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expectNoSeriousA11yIssues(admin);
  // Nothing chosen: the form says what is missing, on each field.
  await admin.getByRole("button", { name: t.create }).click();
  await expect(admin.locator("#bodyId-error")).toContainText(t.errors.body);
  await expect(admin.locator("#scopes-error")).toContainText(t.errors.scopes);
  await expectNoSeriousA11yIssues(admin);
  const all = ["cases:read", "cases:write", "bookings:read", "payments:confirm"] as const;
  const stamp = Date.now().toString(36);
  const keyA = await createKey(admin, { body: "steg", label: `STEG ${stamp}`, scopes: [...all] });
  const keyB = await createKey(admin, { body: "sonede", label: `SONEDE ${stamp}`, scopes: [...all] });
  const readOnly = await createKey(admin, { body: "steg", label: `STEG lecture ${stamp}`, scopes: ["cases:read"] });
  const paymentsOnly = await createKey(admin, { body: "steg", label: `STEG paiements ${stamp}`, scopes: ["payments:confirm"] });
  const limited = await createKey(admin, { body: "steg", label: `STEG limite ${stamp}`, scopes: [...all], perMinute: 1 });
  await expectNoSeriousA11yIssues(admin);
  // Shown once: the list has the prefix only.
  await admin.reload();
  await expect(admin.locator("[data-api-key]")).toHaveCount(0);
  await expect(admin.getByRole("row", { name: new RegExp(`STEG lecture ${stamp}`) })).toContainText(readOnly.slice(0, 16));
  expect(await admin.content()).not.toContain(readOnly);

  // ── A webhook endpoint for STEG: registered with its secret shown once; a new STEG case shows in the delivery log. ──
  await admin.goto("/fr/staff/admin/webhooks");
  await expect(admin.getByRole("heading", { level: 1, name: t.webhooksTitle })).toBeVisible();
  await admin.getByLabel(t.bodyLabel, { exact: true }).selectOption("steg");
  // Not HTTPS: refused on the field, before anything is called.
  await admin.getByLabel(t.urlLabel).fill("http://hooks.steg.invalid/idarti");
  await admin.getByRole("button", { name: t.register }).click();
  await expect(admin.locator("#url-error")).toContainText(t.errors.webhookUrl);
  await admin.getByLabel(t.urlLabel).fill("https://hooks.steg.invalid/idarti");
  await admin.getByRole("button", { name: t.register }).click();
  await expect(admin.locator("[data-api-key]")).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
  await expectNoSeriousA11yIssues(admin);
  const a3 = await fileQuestion(page, "steg", "Coupure");
  // The background job finds the routing and tries the endpoint (a name that resolves nowhere: retried later).
  await expect(async () => {
    await admin.goto("/fr/staff/admin/webhooks");
    await expect(admin.locator(`[data-delivery="${a3}"]`)).toContainText(t.deliveryStatus.pending, { timeout: 1_000 });
    await expect(admin.locator(`[data-delivery="${a3}"]`)).toContainText("refused: unresolvable", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(admin.locator(`[data-delivery="${b1}"]`)).toHaveCount(0);
  await expectNoSeriousA11yIssues(admin);

  // ── The document, and a validator for each answer's schema. ──────────────────────────────
  const docRes = await request.get("/api/v1/openapi.json");
  expect(docRes.status()).toBe(200);
  const doc = (await docRes.json()) as Doc & { openapi: string };
  expect(doc.openapi).toBe("3.1.0");
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("date-time", { type: "string", validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  const validate = (schema: Json, body: unknown) => {
    const check = ajv.compile({ ...schema, components: { schemas: doc.components.schemas } });
    return check(body) ? null : ajv.errorsText(check.errors);
  };

  // ── How to cause each documented answer of each operation. ──────────────────────────────
  const bearer = (key?: string): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {});
  const url = (path: string, ref?: string, query = "") => path.replace("{reference}", encodeURIComponent(ref ?? "")) + query;
  const get = (api: APIRequestContext, path: string, key?: string, ref?: string, query?: string) => api.get(url(path, ref, query), { headers: bearer(key) });
  const post = (api: APIRequestContext, path: string, opts: { key?: string; ref?: string; data?: unknown; raw?: string; headers?: Record<string, string> }) =>
    api.post(url(path, opts.ref), {
      headers: { ...bearer(opts.key), "content-type": "application/json", ...opts.headers },
      // A Buffer is sent as is: Playwright JSON-encodes a string that is not JSON itself.
      data: opts.raw !== undefined ? Buffer.from(opts.raw, "utf8") : opts.data === undefined ? undefined : JSON.stringify(opts.data),
    });
  // A key of the right body lacking the scope the operation needs.
  const lacking = (scope: string) => (scope === "cases:read" ? paymentsOnly : readOnly);
  const idem = `contract-${randomUUID()}`;
  // The rate-limited key's one call of the minute passes.
  expect((await get(request, "/api/v1/cases", limited)).status()).toBe(200);

  type Cause = (path: string, scope: string) => Promise<APIResponse>;
  const causes: Record<string, Record<number, Cause>> = {
    listCases: {
      200: (p) => get(request, p, keyA),
      422: (p) => get(request, p, keyA, undefined, "?limit=0"),
    },
    getCase: {
      200: (p) => get(request, p, keyA, a1),
      // Body B's case asked with body A's key: "not found", as if it did not exist.
      404: (p) => get(request, p, keyA, b1),
    },
    replyToCase: {
      201: (p) => post(request, p, { key: keyA, ref: a1, data: { message: "Un technicien passe jeudi." }, headers: { "idempotency-key": idem } }),
      400: (p) => post(request, p, { key: keyA, ref: a1, raw: "{ pas du JSON" }),
      404: (p) => post(request, p, { key: keyA, ref: b1, data: { message: "Bonjour" } }),
      // The same Idempotency-Key with another request.
      409: (p) => post(request, p, { key: keyA, ref: a1, data: { message: "Autre chose" }, headers: { "idempotency-key": idem } }),
      413: (p) => post(request, p, { key: keyA, ref: a1, data: { message: "x".repeat(40_000) } }),
      422: (p) => post(request, p, { key: keyA, ref: a1, data: { message: "   " } }),
    },
    changeCaseStatus: {
      200: (p) => post(request, p, { key: keyA, ref: a1, data: { to: "inProgress" } }),
      400: (p) => post(request, p, { key: keyA, ref: a1, raw: "[" }),
      404: (p) => post(request, p, { key: keyA, ref: b1, data: { to: "inProgress" } }),
      // Not a move the question's machine knows.
      409: (p) => post(request, p, { key: keyA, ref: a2, data: { to: "archivedForever" } }),
      413: (p) => post(request, p, { key: keyA, ref: a1, data: { to: "closed", message: "x".repeat(40_000) } }),
      422: (p) => post(request, p, { key: keyA, ref: a1, data: { to: "" } }),
    },
    listBookings: {
      200: (p) => get(request, p, keyA),
      422: (p) => get(request, p, keyA, undefined, "?from=demain"),
    },
    confirmPayment: {
      200: (p) => post(request, p, { key: keyA, ref: paymentRef }),
      // SONEDE's key on a payment of STEG bills.
      404: (p) => post(request, p, { key: keyB, ref: paymentRef }),
    },
  };
  const common: Record<number, (op: string) => Cause> = {
    401: (op) => (p) => (op.startsWith("list") || op === "getCase" ? get(request, p, undefined, a1) : post(request, p, { ref: op === "confirmPayment" ? paymentRef : a1, data: {} })),
    403: (op) => (p, scope) => (op.startsWith("list") || op === "getCase" ? get(request, p, lacking(scope), a1) : post(request, p, { key: lacking(scope), ref: op === "confirmPayment" ? paymentRef : a1, data: { message: "x", to: "inProgress" } })),
    // One call first (accepted or not, it fills the key's minute), then the one checked.
    429: (op) => async (p) => {
      await get(request, "/api/v1/cases", limited);
      return op.startsWith("list") || op === "getCase" ? get(request, p, limited, a1) : post(request, p, { key: limited, ref: op === "confirmPayment" ? paymentRef : a1, data: { message: "x", to: "inProgress" } });
    },
  };

  let operations = 0;
  let answers = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      operations += 1;
      const scope = String((op as unknown as Json)["x-scope"]);
      for (const [status, answer] of Object.entries(op.responses)) {
        const code = Number(status);
        const cause = causes[op.operationId]?.[code] ?? common[code]?.(op.operationId);
        expect(cause, `a way to cause ${method.toUpperCase()} ${path} → ${status}`).toBeTruthy();
        const res = await cause!(path, scope);
        const text = await res.text();
        expect(res.status(), `${op.operationId} → ${status}: ${text.slice(0, 300)}`).toBe(code);
        expect(res.headers()["content-type"], `${op.operationId} → ${status}`).toContain("application/json");
        const schema = answer.content?.["application/json"].schema;
        expect(schema, `${op.operationId} → ${status} documents its body`).toBeTruthy();
        expect(validate(schema!, JSON.parse(text)), `${op.operationId} → ${status}: ${text.slice(0, 300)}`).toBeNull();
        if (answer.headers?.["Retry-After"]) expect(Number(res.headers()["retry-after"]), `${op.operationId} → ${status} Retry-After`).toBeGreaterThanOrEqual(1);
        answers += 1;
      }
    }
  }
  console.info(`partner API contract: ${operations} operations, ${answers} answers checked against their documented schemas`);
  expect(operations).toBe(6);
  expect(answers).toBeGreaterThanOrEqual(35);

  // ── Scoping, idempotency, pagination, the payment, revocation. ──────────────────────────
  const listA = await (await get(request, "/api/v1/cases", keyA)).json();
  const refsA = listA.items.map((c: { reference: string }) => c.reference);
  expect(refsA).toEqual(expect.arrayContaining([a1, a2]));
  expect(refsA).not.toContain(b1);
  const listB = await (await get(request, "/api/v1/cases", keyB)).json();
  expect(listB.items.map((c: { reference: string }) => c.reference)).toContain(b1);
  expect(listB.items.map((c: { reference: string }) => c.reference)).not.toContain(a1);
  for (const write of ["replies", "status"]) {
    const cross = await post(request, `/api/v1/cases/{reference}/${write}`, { key: keyB, ref: a1, data: { message: "Intrus", to: "closed" } });
    expect(cross.status(), `B writes ${write} on A's case`).toBe(404);
  }

  // The reply's replay: the first answer again, and one reply on the timeline.
  const replay = await post(request, "/api/v1/cases/{reference}/replies", { key: keyA, ref: a1, data: { message: "Un technicien passe jeudi." }, headers: { "idempotency-key": idem } });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  const detail = await (await get(request, "/api/v1/cases/{reference}", keyA, a1)).json();
  expect(detail.events.filter((e: { type: string; message: string | null }) => e.type === "reply" && e.message === "Un technicien passe jeudi.")).toHaveLength(1);
  expect(detail.status).toBe("inProgress");
  expect(detail.transitions).toEqual(expect.arrayContaining(["answered", "closed"]));

  // A page at a time: the cursor leads to the rest, without repeats.
  const first = await (await get(request, "/api/v1/cases", keyA, undefined, "?limit=1")).json();
  expect(first.items).toHaveLength(1);
  expect(first.nextCursor).toBeTruthy();
  const second = await (await get(request, "/api/v1/cases", keyA, undefined, `?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
  expect(second.items).toHaveLength(1);
  expect(second.items[0].reference).not.toBe(first.items[0].reference);

  // The payment: paid, and confirming again changes nothing.
  const confirmed = await (await post(request, "/api/v1/payments/{reference}/confirmation", { key: keyA, ref: paymentRef })).json();
  expect(confirmed).toMatchObject({ reference: paymentRef, state: "paid", items: [{ reference: bill.reference, amountMillimes: bill.amount }] });

  // The citizen reads the body's reply on their case page.
  await page.goto(`/fr/my/cases/${a1}`);
  await expect(page.getByText("Un technicien passe jeudi.")).toBeVisible();

  // Revoked on the page: refused at the next call.
  expect((await get(request, "/api/v1/cases", readOnly)).status()).toBe(200);
  await admin.goto("/fr/staff/admin/api-keys");
  await admin.getByRole("row", { name: new RegExp(`STEG lecture ${stamp}`) }).getByRole("button", { name: new RegExp(t.revoke) }).click();
  await expect(admin.getByText(t.revokedDone)).toBeVisible();
  const refused = await get(request, "/api/v1/cases", readOnly);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");

  // The Arabic pages: the key list, and the reference generated from the same document.
  await admin.goto("/ar/staff/admin/api-keys");
  await expect(admin.getByRole("heading", { level: 1, name: ar.PartnerApi.title })).toBeVisible();
  await expect(admin.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoSeriousA11yIssues(admin);
  await admin.goto("/ar/staff/admin/webhooks");
  await expect(admin.getByRole("heading", { level: 1, name: ar.PartnerApi.webhooksTitle })).toBeVisible();
  await expectNoSeriousA11yIssues(admin);
  await admin.goto("/ar/developers");
  await expect(admin.getByRole("heading", { level: 1, name: ar.Developers.title })).toBeVisible();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) await expect(admin.getByRole("heading", { level: 2, name: `${method.toUpperCase()} ${path}`, exact: true })).toBeVisible();
  }
  await expectNoSeriousA11yIssues(admin);
  await adminContext.close();
});
