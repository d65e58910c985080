import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import ar from "../messages/ar.json";
import { signIn, uniquePhone } from "./support/auth";

/**
 * The HTTP edge as it is deployed: the site reached under another name than the one the server
 * knows itself by (here 127.0.0.1 where the server and APP_URL say localhost, as behind a proxy
 * or on a real address), and the honest status codes of the API routes and server actions.
 */
const otherHost = (baseURL: string) => baseURL.replace("//localhost", "//127.0.0.1");

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 120, b: 60 } } }).jpeg().toBuffer();
}

test("ar: a photo is accepted when the site is opened under another host name than the server's own", async ({ browser, baseURL }) => {
  const host = otherHost(baseURL!);
  const context = await browser.newContext({ baseURL: host, locale: "ar-TN", timezoneId: "Africa/Tunis" });
  const page = await context.newPage();
  await signIn(page, { phone: uniquePhone(), locale: "ar", returnTo: "/ar/requests/report/new" });
  expect(new URL(page.url()).host).toBe(new URL(host).host);
  const t = ar.MunicipalReport;
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  // Sent in pieces (tus): the creation and every piece pass the origin check under this host name.
  const created = page.waitForResponse((r) => r.url().endsWith("/api/uploads/resumable") && r.request().method() === "POST");
  const finished = page.waitForResponse((r) => r.url().includes("/api/uploads/resumable/") && r.request().method() === "PATCH");
  await page.getByLabel(t.photos.label).setInputFiles({ name: "IMG_0002.jpg", mimeType: "image/jpeg", buffer: await photo() });
  expect((await created).status()).toBe(201);
  expect((await finished).status()).toBe(204);
  await expect(page.getByRole("img", { name: "الصورة 1" })).toBeVisible();
  await context.close();
});

test("the API answers honest status codes in one error shape", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const origin = new URL(baseURL!).origin;
  const form = { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: await photo() }, draftKey: randomUUID() };

  // 403: another site's page posting with the citizen's cookies; 401: no session.
  const foreign = await page.request.post("/api/uploads", { headers: { Origin: "https://evil.example" }, multipart: form });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: { code: "forbidden" } });
  const anonymous = await page.request.post("/api/uploads", { headers: { Origin: origin }, multipart: form });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: { code: "unauthenticated" } });

  await signIn(page, { phone: uniquePhone(), locale: "en", returnTo: "/en/requests" });
  // 400: a body that is not the multipart form it claims, or not JSON.
  const malformed = await page.request.post("/api/uploads", { headers: { Origin: origin, "content-type": "multipart/form-data; boundary=x" }, data: "not a form" });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: { code: "badRequest" } });
  const notJson = await page.request.post("/api/v1/submissions", { headers: { Origin: origin, "Idempotency-Key": randomUUID(), "content-type": "application/json" }, data: "{nope" });
  expect(notJson.status()).toBe(400);
  // 413: past the route's limit, refused before it is read.
  const huge = await page.request.post("/api/v1/submissions", { headers: { Origin: origin, "Idempotency-Key": randomUUID(), "content-type": "application/json" }, data: JSON.stringify({ kind: "complaint", payload: { text: "x".repeat(300 * 1024) } }) });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ error: { code: "tooLarge" } });
  // 404: what is not yours (or not there) is not found, in the same shape.
  const missing = await page.request.get(`/api/files/${randomUUID()}`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "notFound" } });
  // The photo itself, with our origin: 201.
  const ok = await page.request.post("/api/uploads", { headers: { Origin: origin }, multipart: form });
  expect(ok.status()).toBe(201);
  await context.close();
});

test("server actions: a foreign Origin is 403, a body that is no call 400, a 45 MB body 413, not 500", async ({ request }) => {
  const foreign = await request.post("/ar/sign-in", { headers: { Origin: "https://evil.example", "Next-Action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, data: "[]" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: { code: "forbidden" } });
  const ours = new URL((await request.get("/ar")).url()).origin;
  const malformed = await request.post("/ar/sign-in", { headers: { Origin: ours, "Next-Action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, data: '{"phone":' });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toEqual({ error: { code: "badRequest" } });
  const big = await request.post("/ar/sign-in", { headers: { "Next-Action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", Origin: ours }, data: Buffer.alloc(45 * 1024 * 1024, 120) });
  expect(big.status()).toBe(413);
});

test("liveness and readiness answer a load balancer: the database carries every migration of the build, the file store takes a write", async ({ request }) => {
  const live = await request.get("/api/health");
  expect(live.status()).toBe(200);
  expect(live.headers()["cache-control"]).toBe("no-store");
  expect(await live.json()).toMatchObject({ status: "ok" });

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  const journal = JSON.parse(readFileSync("lib/db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
  expect(body).toMatchObject({ status: "ready", database: { ok: true, migrations: { applied: journal.entries.length, expected: journal.entries.length } }, storage: { ok: true } });
  // Nothing about the machine beyond that: no connection string, no path.
  expect(JSON.stringify(body)).not.toMatch(/postgres:|\/work\/|data\//);
});
