import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { partnerWebhookAttempts, partnerWebhookDeliveries } from "@/lib/db/schema";
import { submitCase } from "@/lib/cases/engine";
import { checkTimestampedSignature } from "@/lib/security/timestamped-hmac";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { startHttpsReceiver, type HttpsReceiver } from "@/lib/testing/https-receiver";
import type { Actor } from "@/lib/auth/roles";
import { WebhookEvent } from "./contract";
import { deliveryLog, disableWebhook, registerWebhook, runWebhooksOnce, webhookSender } from "./webhooks";

type Received = { body: string; timestamp: string | null; signature: string | null; at: number };

describe.each(testDatabases({ isolated: true }))("partner webhooks on $name", ({ open }) => {
  let database: Database;
  let https: HttpsReceiver;
  let origin: string;
  let ca: Buffer;
  const received: Received[] = [];
  // The receiver's answers, in order: 500 twice, then 200.
  const answers = [500, 500, 200];
  let admin: Actor;
  let citizen: Actor;

  beforeAll(async () => {
    database = await open();
    admin = await makeUser(database.db, { role: "admin" });
    citizen = await makeUser(database.db);
    // A local HTTPS receiver on loopback, as the push tests' local push service (lib/notifications/dispatch.test.ts).
    https = await startHttpsReceiver((req, body, res) => {
      received.push({ body: body.toString("utf8"), timestamp: req.headers["idarti-timestamp"] as string, signature: req.headers["idarti-signature"] as string, at: Date.now() });
      res.writeHead(answers[received.length - 1] ?? 200).end();
    });
    ({ origin, ca } = https);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    https?.close();
  });

  // The receiver is on loopback: the test-only allowance, which configuration cannot reach.
  const testSender = () => webhookSender({ allowLoopbackForTests: true, tls: { ca } });

  it("refuses endpoints that are not public HTTPS when registered, and never connects to loopback in production", async () => {
    const { db } = database;
    for (const url of ["http://hooks.steg.tn/idarti", "https://127.0.0.1/idarti", "https://hooks.steg.tn:8443/x", "https://user:pw@hooks.steg.tn/", "https://localhost/x"]) {
      await expect(registerWebhook({ db, actor: admin, bodyId: "steg", url, now: new Date() })).rejects.toMatchObject({ code: "validation", fields: { url: "PartnerApi.errors.webhookUrl" } });
    }
    const agent = await makeUser(db, { role: "official", bodyId: "steg" });
    await expect(registerWebhook({ db, actor: agent, bodyId: "steg", url: "https://hooks.steg.tn/x", now: new Date() })).rejects.toMatchObject({ code: "forbidden" });
    const before = received.length;
    const production = webhookSender();
    expect(await production({ url: `${origin}/hook`, secret: "s", body: "{}", timestamp: 1 })).toMatchObject({ status: null, error: expect.stringMatching(/^refused: /) });
    // A public-looking name that resolves to a private address is refused before connecting.
    const rebinding = webhookSender({ resolve: async () => ["10.0.0.7"] });
    expect(await rebinding({ url: "https://hooks.steg.tn/x", secret: "s", body: "{}", timestamp: 1 })).toMatchObject({ status: null, error: "refused: privateAddress" });
    expect(received.length).toBe(before);
  });

  it("a case routed to the body: one signed event; a receiver answering 500 twice then 200 gets 3 deliveries with growing delays", async () => {
    const { db } = database;
    const t0 = new Date("2026-12-07T08:00:00Z");
    // The receiver is registered through the same function as the admin page (localhost passes the
    // shape rule only here, where the row is written directly by the test).
    const hook = await registerWebhook({ db, actor: admin, bodyId: "steg", url: "https://hooks.steg.tn/idarti", now: t0 });
    const { partnerWebhooks } = await import("@/lib/db/schema");
    await db.update(partnerWebhooks).set({ url: `${origin}/hook` }).where(eq(partnerWebhooks.id, hook.id));
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const t1 = new Date(t0.getTime() + 1000);
    const routed = await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Compteur", question: "Quand posez-vous le compteur ?" }, citizen, locale: "fr-TN", now: t1 });
    await submitCase({ db, kind: "question", payload: { bodyId: "sonede", subject: "Fuite", question: "Une fuite devant chez moi, rue 5." }, citizen, locale: "fr-TN", now: t1 });

    const send = testSender();
    const at = (s: number) => new Date(t1.getTime() + s * 1000);
    expect(await runWebhooksOnce({ db, now: at(0), send })).toMatchObject({ enqueued: 1, claimed: 1, retried: 1, delivered: 0 });
    // Not due yet: nothing sent, nothing enqueued twice.
    expect(await runWebhooksOnce({ db, now: at(10), send })).toMatchObject({ enqueued: 0, claimed: 0 });
    expect(await runWebhooksOnce({ db, now: at(30), send })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await runWebhooksOnce({ db, now: at(60), send })).toMatchObject({ claimed: 0 });
    expect(await runWebhooksOnce({ db, now: at(90), send })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await runWebhooksOnce({ db, now: at(10_000), send })).toMatchObject({ enqueued: 0, claimed: 0 });

    expect(received).toHaveLength(3);
    const events = received.map((r) => WebhookEvent.parse(JSON.parse(r.body)));
    // The same event each time (its id lets the receiver drop a repeat), for the STEG case only.
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(events[0]).toMatchObject({ type: "case.routed", data: { reference: routed.reference, bodyId: "steg", via: "submitted", kind: "question", status: "received" } });
    for (const r of received) {
      // Signed as D17 signs its callbacks: the check lib/payments/d17/signature.ts re-exports accepts it.
      expect(checkTimestampedSignature({ secret: hook.secret, rawBody: r.body, timestamp: r.timestamp, signature: r.signature, nowMs: Date.now() })).toEqual({ ok: true });
      expect(checkTimestampedSignature({ secret: "whsec_another", rawBody: r.body, timestamp: r.timestamp, signature: r.signature, nowMs: Date.now() })).toMatchObject({ ok: false, problem: "badSignature" });
      expect(checkTimestampedSignature({ secret: hook.secret, rawBody: r.body.replace("steg", "sonede"), timestamp: r.timestamp, signature: r.signature, nowMs: Date.now() })).toMatchObject({ ok: false });
    }

    const [delivery] = await db.select().from(partnerWebhookDeliveries).where(eq(partnerWebhookDeliveries.webhookId, hook.id));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 200, caseReference: routed.reference });
    const tries = await db.select().from(partnerWebhookAttempts).where(eq(partnerWebhookAttempts.deliveryId, delivery!.id)).orderBy(asc(partnerWebhookAttempts.at));
    expect(tries.map((t) => t.status)).toEqual([500, 500, 200]);
    const delays = tries.slice(1).map((t, i) => (t.at.getTime() - tries[i]!.at.getTime()) / 1000);
    expect(delays).toEqual([30, 60]);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);

    // The delivery log says the same.
    const log = await deliveryLog(db);
    expect(log[0]).toMatchObject({ caseReference: routed.reference, status: "delivered", attempts: 3 });
    expect(log[0]!.tries.map((t) => t.status)).toEqual([500, 500, 200]);
  });

  it("gives up after 8 attempts, and sends nothing more once the endpoint is disabled", async () => {
    const { db } = database;
    const t0 = new Date("2026-12-08T08:00:00Z");
    const hook = await registerWebhook({ db, actor: admin, bodyId: "sonede", url: "https://hooks.sonede.tn/idarti", now: t0 });
    const c = await submitCase({ db, kind: "question", payload: { bodyId: "sonede", subject: "Fuite", question: "Une fuite devant chez moi, rue 7." }, citizen, locale: "fr-TN", now: new Date(t0.getTime() + 1000) });
    const failing = async () => ({ status: 503, error: null });
    let at = new Date(t0.getTime() + 2000);
    for (let i = 0; i < 8; i++) {
      await runWebhooksOnce({ db, now: at, send: failing });
      at = new Date(at.getTime() + 7 * 3_600_000);
    }
    const [gaveUp] = await db.select().from(partnerWebhookDeliveries).where(eq(partnerWebhookDeliveries.caseReference, c.reference));
    expect(gaveUp).toMatchObject({ status: "failed", attempts: 8, lastStatus: 503 });
    await disableWebhook({ db, actor: admin, id: hook.id, now: at });
    await submitCase({ db, kind: "question", payload: { bodyId: "sonede", subject: "Fuite", question: "Une autre fuite, rue 9." }, citizen, locale: "fr-TN", now: at });
    expect(await runWebhooksOnce({ db, now: new Date(at.getTime() + 1000), send: failing })).toMatchObject({ enqueued: 0, claimed: 0 });
  });
});
