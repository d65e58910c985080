import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { submitCase } from "@/lib/cases/engine";
import type { Database } from "@/lib/db/open";
import { partnerWebhookAttempts, partnerWebhookDeliveries, partnerWebhooks } from "@/lib/db/schema";
import { seal, sealingKey, type SealingKeys } from "@/lib/security/sealed";
import { checkTimestampedSignature, SIGNATURE_TOLERANCE_SECONDS, type SignatureCheck } from "@/lib/security/timestamped-hmac";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { startHttpsReceiver, type HttpsReceiver } from "@/lib/testing/https-receiver";
import { WebhookEvent } from "./contract";
import { deliveryLog, disableWebhook, registerWebhook, runWebhooksOnce, sealWebhookSecrets, webhookSender } from "./webhooks";

/**
 * The real delivery end to end, against a receiver that behaves as a partner body's should: a real
 * HTTPS server on loopback that checks each POST's signature with the body's secret
 * (lib/security/timestamped-hmac.ts, the same check D17's callbacks pass) and answers 401 to a bad
 * or stale one. The sender is the production one with the test-only loopback allowance
 * (`allowLoopbackForTests` + the receiver's CA), as lib/partner-api/webhooks.test.ts and the web
 * push tests do: configuration cannot reach it, so production never connects to loopback.
 *
 * Not an e2e journey: the app under Playwright sends with `webhookSender()` (public HTTPS only),
 * and pointing it at a local receiver would need a production bypass, which is what the rule forbids.
 */
type Hit = { path: string; body: string; timestamp: string | null; signature: string | null; check: SignatureCheck; answered: number };

describe.each(testDatabases({ isolated: true }))("webhook delivery to a verifying receiver on $name", ({ open }) => {
  let database: Database;
  let https: HttpsReceiver;
  let origin: string;
  let ca: Buffer;
  let admin: Actor;
  let citizen: Actor;
  const keys: SealingKeys = { current: sealingKey(randomBytes(32)), retired: [] };
  // What the receiver knows, per path: the secret it checks with, its clock's offset, the answers it gives in order.
  const receivers = new Map<string, { secret: string; clockOffsetMs?: number; answers?: number[] }>();
  const hits: Hit[] = [];

  beforeAll(async () => {
    database = await open();
    admin = await makeUser(database.db, { role: "admin" });
    citizen = await makeUser(database.db);
    https = await startHttpsReceiver((req, raw, res) => {
      const receiver = receivers.get(req.url ?? "");
      const body = raw.toString("utf8");
      const timestamp = (req.headers["idarti-timestamp"] as string | undefined) ?? null;
      const signature = (req.headers["idarti-signature"] as string | undefined) ?? null;
      const check: SignatureCheck = receiver
        ? checkTimestampedSignature({ secret: receiver.secret, rawBody: body, timestamp, signature, nowMs: Date.now() + (receiver.clockOffsetMs ?? 0) })
        : { ok: false, problem: "badSignature" };
      const answered = !check.ok ? 401 : (receiver?.answers?.shift() ?? 200);
      hits.push({ path: req.url ?? "", body, timestamp, signature, check, answered });
      res.writeHead(answered).end();
    });
    ({ origin, ca } = https);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    https?.close();
  });

  const send = () => webhookSender({ allowLoopbackForTests: true, tls: { ca } });

  /** An endpoint registered as the admin page does, then pointed at the local receiver (loopback cannot pass the registration's shape rule). */
  async function endpoint(receiverPath: string, now: Date) {
    const hook = await registerWebhook({ db: database.db, actor: admin, bodyId: "steg", url: "https://hooks.steg.tn/idarti", now, keys });
    await database.db.update(partnerWebhooks).set({ url: `${origin}${receiverPath}` }).where(eq(partnerWebhooks.id, hook.id));
    return hook;
  }
  const rawSecret = async (id: string) => {
    const res = await database.db.execute(sql`select secret from partner_webhooks where id = ${id}`);
    return (res as unknown as { rows: { secret: string }[] }).rows[0]!.secret;
  };
  const fileSteg = (now: Date) =>
    submitCase({ db: database.db, kind: "question", payload: { bodyId: "steg", subject: "Compteur", question: "Quand posez-vous le compteur ?" }, citizen, locale: "fr-TN", now });

  it("a case routed to the body: the receiver gets one POST whose signature it accepts; the log says delivered; the row holds no secret", async () => {
    const t0 = new Date("2026-12-01T08:00:00Z");
    const hook = await endpoint("/ok", t0);
    receivers.set("/ok", { secret: hook.secret });
    // The database row: sealed, never the secret.
    const stored = await rawSecret(hook.id);
    expect(stored).toMatch(new RegExp(`^sealed:v1:${keys.current.id}:`));
    expect(stored).not.toContain(hook.secret);
    expect(stored).not.toContain(hook.secret.slice("whsec_".length, 20));

    const routed = await fileSteg(new Date(t0.getTime() + 1000));
    expect(await runWebhooksOnce({ db: database.db, now: new Date(t0.getTime() + 2000), send: send(), keys })).toMatchObject({ enqueued: 1, claimed: 1, delivered: 1 });
    const mine = hits.filter((h) => h.path === "/ok");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ check: { ok: true }, answered: 200 });
    expect(WebhookEvent.parse(JSON.parse(mine[0]!.body))).toMatchObject({ type: "case.routed", data: { reference: routed.reference, bodyId: "steg", via: "submitted" } });

    const log = await deliveryLog(database.db);
    expect(log.find((d) => d.caseReference === routed.reference)).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, url: `${origin}/ok` });
    await disableWebhook({ db: database.db, actor: admin, id: hook.id, now: new Date(t0.getTime() + 3000) });
  });

  it("a receiver answering 500 first: retried after the backoff, then delivered, the same signed event both times", async () => {
    const t0 = new Date("2026-12-02T08:00:00Z");
    const hook = await endpoint("/flaky", t0);
    receivers.set("/flaky", { secret: hook.secret, answers: [500] });
    const routed = await fileSteg(new Date(t0.getTime() + 1000));
    const at = (s: number) => new Date(t0.getTime() + 2000 + s * 1000);
    expect(await runWebhooksOnce({ db: database.db, now: at(0), send: send(), keys })).toMatchObject({ claimed: 1, retried: 1, delivered: 0 });
    // Before the backoff (30 s) nothing is sent again.
    expect(await runWebhooksOnce({ db: database.db, now: at(29), send: send(), keys })).toMatchObject({ claimed: 0 });
    expect(await runWebhooksOnce({ db: database.db, now: at(30), send: send(), keys })).toMatchObject({ claimed: 1, delivered: 1 });

    const mine = hits.filter((h) => h.path === "/flaky");
    expect(mine.map((h) => [h.check.ok, h.answered])).toEqual([
      [true, 500],
      [true, 200],
    ]);
    expect(new Set(mine.map((h) => WebhookEvent.parse(JSON.parse(h.body)).id)).size).toBe(1);
    const [delivery] = await database.db.select().from(partnerWebhookDeliveries).where(eq(partnerWebhookDeliveries.caseReference, routed.reference));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 200, lastError: null });
    const tries = await database.db.select().from(partnerWebhookAttempts).where(eq(partnerWebhookAttempts.deliveryId, delivery!.id)).orderBy(asc(partnerWebhookAttempts.at));
    expect(tries.map((t) => t.status)).toEqual([500, 200]);
    expect((tries[1]!.at.getTime() - tries[0]!.at.getTime()) / 1000).toBe(30);
    await disableWebhook({ db: database.db, actor: admin, id: hook.id, now: at(31) });
  });

  it("the receiver refuses a bad signature (another secret) and a stale one (its clock 6 minutes ahead): 401, retried, never delivered", async () => {
    const t0 = new Date("2026-12-03T08:00:00Z");
    const wrong = await endpoint("/wrong-secret", t0);
    receivers.set("/wrong-secret", { secret: `whsec_${randomBytes(32).toString("base64url")}` });
    const late = await endpoint("/late-clock", t0);
    receivers.set("/late-clock", { secret: late.secret, clockOffsetMs: (SIGNATURE_TOLERANCE_SECONDS + 60) * 1000 });
    const routed = await fileSteg(new Date(t0.getTime() + 1000));
    expect(await runWebhooksOnce({ db: database.db, now: new Date(t0.getTime() + 2000), send: send(), keys })).toMatchObject({ enqueued: 2, claimed: 2, retried: 2, delivered: 0 });

    expect(hits.filter((h) => h.path === "/wrong-secret").map((h) => h.check)).toEqual([{ ok: false, problem: "badSignature" }]);
    expect(hits.filter((h) => h.path === "/late-clock").map((h) => h.check)).toEqual([{ ok: false, problem: "staleTimestamp" }]);
    // The same POST replayed with an altered body is refused by a receiver whose clock is right.
    const good = hits.find((h) => h.path === "/late-clock")!;
    expect(checkTimestampedSignature({ secret: late.secret, rawBody: good.body.replace(routed.reference, "IDR-0000-0000"), timestamp: good.timestamp, signature: good.signature, nowMs: Date.now() })).toEqual({ ok: false, problem: "badSignature" });
    expect(checkTimestampedSignature({ secret: late.secret, rawBody: good.body, timestamp: good.timestamp, signature: good.signature, nowMs: Date.now() })).toEqual({ ok: true });

    const rows = await database.db.select().from(partnerWebhookDeliveries).where(eq(partnerWebhookDeliveries.caseReference, routed.reference));
    expect(rows.map((r) => [r.status, r.lastStatus, r.lastError])).toEqual([
      ["pending", 401, "HTTP 401"],
      ["pending", 401, "HTTP 401"],
    ]);
    // Disabled endpoints: their pending deliveries are given up at their next turn, not sent.
    for (const h of [wrong, late]) await disableWebhook({ db: database.db, actor: admin, id: h.id, now: new Date(t0.getTime() + 3000) });
    const before = hits.length;
    expect(await runWebhooksOnce({ db: database.db, now: new Date(t0.getTime() + 60_000), send: send(), keys })).toMatchObject({ claimed: 2, failed: 2 });
    expect(hits.length).toBe(before);
  });

  it("a secret stored in clear before sealing: sealed by the start step, and deliveries still carry its signature", async () => {
    const t0 = new Date("2026-12-04T08:00:00Z");
    const clear = `whsec_${randomBytes(32).toString("base64url")}`;
    const [legacy] = await database.db.insert(partnerWebhooks).values({ bodyId: "steg", url: `${origin}/legacy`, secret: clear, createdBy: admin.userId, createdAt: t0 }).returning();
    receivers.set("/legacy", { secret: clear });
    expect(await rawSecret(legacy!.id)).toBe(clear);

    expect(await sealWebhookSecrets(database.db, keys)).toMatchObject({ sealed: 1, unreadable: 0 });
    const stored = await rawSecret(legacy!.id);
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain(clear.slice("whsec_".length, 20));
    // Twice is harmless: nothing left to seal.
    expect(await sealWebhookSecrets(database.db, keys)).toMatchObject({ sealed: 0 });

    await fileSteg(new Date(t0.getTime() + 1000));
    expect(await runWebhooksOnce({ db: database.db, now: new Date(t0.getTime() + 2000), send: send(), keys })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(hits.filter((h) => h.path === "/legacy").map((h) => h.check)).toEqual([{ ok: true }]);

    // Rotation: the next key seals, the former one is retired; the start step reseals, and the
    // former key can then go.
    const next: SealingKeys = { current: sealingKey(randomBytes(32)), retired: [keys.current] };
    const all = await database.db.select({ id: partnerWebhooks.id }).from(partnerWebhooks);
    expect(await sealWebhookSecrets(database.db, next)).toEqual({ sealed: all.length, unreadable: 0 });
    for (const { id } of all) expect(await rawSecret(id)).toMatch(new RegExp(`^sealed:v1:${next.current.id}:`));
    expect(await sealWebhookSecrets(database.db, { current: next.current, retired: [] })).toEqual({ sealed: 0, unreadable: 0 });
    // (and back, for the next test)
    expect(await sealWebhookSecrets(database.db, { current: keys.current, retired: [next.current] })).toEqual({ sealed: all.length, unreadable: 0 });
    await disableWebhook({ db: database.db, actor: admin, id: legacy!.id, now: new Date(t0.getTime() + 3000) });
    await fileSteg(new Date(t0.getTime() + 4000));
  });

  it("a secret sealed with a key no longer configured: no POST at all, the attempt says why", async () => {
    const t0 = new Date("2026-12-05T08:00:00Z");
    const hook = await endpoint("/lost-key", t0);
    receivers.set("/lost-key", { secret: hook.secret });
    const gone: SealingKeys = { current: sealingKey(randomBytes(32)), retired: [] };
    await database.db.update(partnerWebhooks).set({ secret: seal(gone, hook.secret, `partner_webhooks.secret|${hook.id}`) }).where(eq(partnerWebhooks.id, hook.id));
    expect(await sealWebhookSecrets(database.db, keys)).toMatchObject({ unreadable: 1 });
    const routed = await fileSteg(new Date(t0.getTime() + 1000));
    expect(await runWebhooksOnce({ db: database.db, now: new Date(t0.getTime() + 2000), send: send(), keys })).toMatchObject({ claimed: 1, retried: 1, delivered: 0 });
    expect(hits.filter((h) => h.path === "/lost-key")).toHaveLength(0);
    const [delivery] = await database.db.select().from(partnerWebhookDeliveries).where(eq(partnerWebhookDeliveries.caseReference, routed.reference));
    expect(delivery).toMatchObject({ status: "pending", lastStatus: null, lastError: "secret unreadable: unknownKey" });
  });
});
