import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createECDH, createPublicKey, createDecipheriv, hkdfSync, randomBytes, verify } from "node:crypto";
import { and, eq } from "drizzle-orm";
import webpush from "web-push";
import type { Database, Db } from "@/lib/db/open";
import { caseEvents, notificationDeliveries, notifications, pushSubscriptions, users } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { startHttpsReceiver, type HttpsReceiver } from "@/lib/testing/https-receiver";
import { addCaseMessage, submitCase } from "@/lib/cases/engine";
import { sweepDueSoon } from "@/lib/cases/sweep";
import { backoffMs, dispatchOnce, MAX_ATTEMPTS, type SmsSender } from "./dispatch";
import { webPushSender } from "./push/web-push";
import { countUnread, listInbox, markRead } from "./inbox";
import { renderNotification } from "./render";

/**
 * A local push service over HTTPS with a self-signed certificate: it checks the VAPID signature
 * and decrypts the aes128gcm payload with the subscriber's keys (RFC 8291), as a browser's push
 * service and the browser would. Answers 201, or 410 for endpoints marked gone.
 */
type Received = { endpoint: string; text: string; vapidOk: boolean; ttl: string | undefined };

function makeSubscriber() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString("base64url"), authB64: auth.toString("base64url") };
}

function decrypt(body: Buffer, sub: ReturnType<typeof makeSubscriber>): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = sub.ecdh.computeSecret(asPublic);
  const info = Buffer.concat([Buffer.from("WebPush: info\0"), sub.ecdh.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, sub.auth, info, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  expect(plain[end]).toBe(2); // last-record delimiter
  return plain.subarray(0, end).toString("utf8");
}

function vapidValid(header: string | undefined, publicKey: string, audience: string): boolean {
  const m = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header ?? "");
  if (!m || m[2] !== publicKey) return false;
  const [h, p, s] = m[1]!.split(".");
  const raw = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33).toString("base64url") }, format: "jwk" });
  const ok = verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s!, "base64url"));
  const claims = JSON.parse(Buffer.from(p!, "base64url").toString()) as { aud: string; exp: number };
  return ok && claims.aud === audience && claims.exp * 1000 > Date.now();
}

const tn = (s: string) => new Date(`${s}+01:00`);

for (const target of testDatabases({ isolated: true })) {
  describe(`the notification dispatcher on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let https: HttpsReceiver;
    let origin: string;
    let ca: Buffer;
    const received: Received[] = [];
    const gone = new Set<string>();
    const vapid = webpush.generateVAPIDKeys();
    const subscriber = makeSubscriber();
    let citizen: Actor;
    let steg: Actor;

    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      https = await startHttpsReceiver((req, body, res) => {
        const endpoint = `${origin}${req.url}`;
        if (gone.has(endpoint)) {
          res.writeHead(410).end();
          return;
        }
        received.push({ endpoint, text: decrypt(body, subscriber), vapidOk: vapidValid(req.headers.authorization, vapid.publicKey, origin), ttl: req.headers.ttl as string | undefined });
        res.writeHead(201).end();
      });
      ({ origin, ca } = https);
      steg = await makeUser(db, { role: "agent", bodyId: "steg" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
      https?.close();
    });

    // The local push service is on loopback: the test-only allowance (never reachable from configuration).
    const localPushService = { hosts: ["localhost"], allowLoopbackForTests: true };
    const push = () => webPushSender({ publicKey: vapid.publicKey, privateKey: vapid.privateKey, subject: "mailto:test@idarti.tn", tls: { ca }, policy: localPushService });
    const deliveriesOf = async (userId: string) =>
      db
        .select({ channel: notificationDeliveries.channel, status: notificationDeliveries.status, attempts: notificationDeliveries.attempts, nextAttemptAt: notificationDeliveries.nextAttemptAt, lastError: notificationDeliveries.lastError, type: notifications.type })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .where(eq(notifications.userId, userId));
    const subscribe = async (who: Actor, endpointPath: string) => {
      await db.insert(pushSubscriptions).values({ userId: who.userId, endpoint: `${origin}${endpointPath}`, p256dh: subscriber.p256dh, auth: subscriber.authB64 });
    };

    it("delivers push (encrypted, VAPID-signed) and SMS in the citizen's language, and records each channel", async () => {
      citizen = await makeUser(db, { notifySms: true, notifyPush: true, locale: "fr-TN" });
      await db.update(users).set({ locale: "fr-TN" }).where(eq(users.id, citizen.userId));
      await subscribe(citizen, `/push/${citizen.userId}`);
      const t0 = new Date();
      const c = await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Compteur", question: "Quand posez-vous le compteur ?" }, citizen, locale: "fr-TN", now: t0 });
      const sms: { to: string; text: string; locale: string }[] = [];
      const sender: SmsSender = async (m) => void sms.push(m);
      const report = await dispatchOnce({ database, now: t0, channels: { push: push(), sms: sender }, appUrl: "https://idarti.example" });
      expect(report).toMatchObject({ sent: 2, failed: 0, retried: 0 });
      expect(sms).toEqual([{ to: citizen.phone, text: `Idarti : votre demande ${c.reference} a été reçue.`, locale: "fr-TN" }]);
      const got = received.filter((r) => r.endpoint.endsWith(citizen.userId));
      expect(got).toHaveLength(1);
      expect(got[0]!.vapidOk).toBe(true);
      expect(JSON.parse(got[0]!.text)).toEqual({
        title: "Question à un organisme public reçue",
        body: `Nous avons reçu votre demande. Sa référence est ${c.reference}.`,
        url: `https://idarti.example/fr/my/cases/${c.reference}`,
        lang: "fr-TN",
        tag: expect.any(String),
      });
      expect((await deliveriesOf(citizen.userId)).map((d) => [d.channel, d.status, d.attempts]).sort()).toEqual([
        ["push", "sent", 1],
        ["sms", "sent", 1],
      ]);
      // Nothing left: a second pass claims nothing.
      expect((await dispatchOnce({ database, now: t0, channels: { push: push(), sms: sender }, appUrl: "https://idarti.example" })).claimed).toBe(0);
      // The inbox always has it.
      expect(await countUnread({ db, userId: citizen.userId })).toBe(1);
    });

    it("retries a failing channel with exponential backoff, and gives up after MAX_ATTEMPTS", async () => {
      const who = await makeUser(db, { notifySms: true, notifyPush: false });
      const t0 = tn("2026-05-01T10:00:00");
      await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Panne", question: "Il n'y a plus de courant depuis hier." }, citizen: who, locale: "ar-TN", now: t0 });
      let calls = 0;
      const failing: SmsSender = async () => {
        calls++;
        throw new Error("gateway 503");
      };
      let at = t0;
      const seen: number[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        // Just before the retry is due, nothing is claimed.
        if (attempt > 1) {
          const early = await dispatchOnce({ database, now: new Date(at.getTime() - 1000), channels: { sms: failing }, appUrl: "https://x.tn" });
          expect(early.claimed).toBe(0);
        }
        const r = await dispatchOnce({ database, now: at, channels: { sms: failing }, appUrl: "https://x.tn" });
        expect(r.claimed).toBe(1);
        const [d] = await deliveriesOf(who.userId);
        expect(d!.attempts).toBe(attempt);
        expect(d!.lastError).toContain("gateway 503");
        if (attempt < MAX_ATTEMPTS) {
          expect(d!.status).toBe("pending");
          expect(d!.nextAttemptAt.getTime() - at.getTime()).toBe(backoffMs(attempt));
          seen.push(backoffMs(attempt) / 1000);
          at = d!.nextAttemptAt;
        } else expect(d!.status).toBe("failed");
      }
      expect(calls).toBe(MAX_ATTEMPTS);
      expect(seen).toEqual([30, 60, 120, 240, 480, 960, 1920]);
      // Once failed, never again.
      expect((await dispatchOnce({ database, now: new Date(at.getTime() + 86_400_000), channels: { sms: failing }, appUrl: "https://x.tn" })).claimed).toBe(0);
    });

    it("a failure then a success: sent on the retry, the other channel untouched", async () => {
      const who = await makeUser(db, { notifySms: true, notifyPush: true });
      await subscribe(who, `/push/${who.userId}`);
      const t0 = tn("2026-05-02T10:00:00");
      await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Facture", question: "Ma facture est trop élevée ce mois." }, citizen: who, locale: "ar-TN", now: t0 });
      let fail = true;
      const flaky: SmsSender = async () => {
        if (fail) throw new Error("timeout");
      };
      await dispatchOnce({ database, now: t0, channels: { push: push(), sms: flaky }, appUrl: "https://x.tn" });
      let rows = await deliveriesOf(who.userId);
      expect(rows.find((d) => d.channel === "push")!.status).toBe("sent");
      expect(rows.find((d) => d.channel === "sms")!.status).toBe("pending");
      fail = false;
      await dispatchOnce({ database, now: new Date(t0.getTime() + 30_000), channels: { push: push(), sms: flaky }, appUrl: "https://x.tn" });
      rows = await deliveriesOf(who.userId);
      expect(rows.find((d) => d.channel === "sms")).toMatchObject({ status: "sent", attempts: 2 });
      // Arabic push text for an Arabic reader.
      const text = received.filter((r) => r.endpoint.endsWith(who.userId)).map((r) => JSON.parse(r.text) as { title: string })[0]!;
      expect(text.title).toBe("تم استلام: سؤال إلى هيكل عمومي");
    });

    it("a number the SMS adapter refuses (validation) is skipped, never retried", async () => {
      const who = await makeUser(db, { notifySms: true });
      await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Sujet", question: "Une question assez longue." }, citizen: who, locale: "ar-TN", now: new Date() });
      const refusing: SmsSender = async () => {
        throw new AppError("validation");
      };
      const r = await dispatchOnce({ database, now: new Date(), channels: { sms: refusing }, appUrl: "https://x.tn" });
      expect(r).toMatchObject({ skipped: 1, retried: 0 });
      expect((await deliveriesOf(who.userId))[0]).toMatchObject({ channel: "sms", status: "skipped", attempts: 1 });
    });

    it("a subscription the push service says is gone (410) is deleted; with none left, push is skipped", async () => {
      const who = await makeUser(db, { notifyPush: true });
      await subscribe(who, `/push/gone-${who.userId}`);
      gone.add(`${origin}/push/gone-${who.userId}`);
      await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Sujet", question: "Une question assez longue." }, citizen: who, locale: "ar-TN", now: new Date() });
      const r = await dispatchOnce({ database, now: new Date(), channels: { push: push() }, appUrl: "https://x.tn" });
      expect(r.skipped).toBe(1);
      expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, who.userId))).toEqual([]);
      expect((await deliveriesOf(who.userId))[0]).toMatchObject({ channel: "push", status: "skipped" });
    });

    it("two dispatchers at once deliver each row once", async () => {
      const who = await makeUser(db, { notifySms: true });
      const t0 = new Date();
      for (let i = 0; i < 12; i++) {
        await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: `S${i}`, question: "Une question assez longue." }, citizen: who, locale: "ar-TN", now: t0 });
      }
      const sent: string[] = [];
      const slow: SmsSender = async (m) => {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.text);
      };
      const [a, b] = await Promise.all([
        dispatchOnce({ database, now: t0, channels: { sms: slow }, appUrl: "https://x.tn", batch: 5 }),
        dispatchOnce({ database, now: t0, channels: { sms: slow }, appUrl: "https://x.tn", batch: 50 }),
      ]);
      expect(a.claimed + b.claimed).toBe(12);
      expect(sent).toHaveLength(12);
      expect(new Set(sent).size).toBe(12);
    });

    it("a reply notifies; the inbox lists newest first and marks read only the reader's own", async () => {
      const who = await makeUser(db);
      const c = await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Sujet", question: "Une question assez longue." }, citizen: who, locale: "ar-TN", now: tn("2026-05-03T10:00:00") });
      await addCaseMessage({ db, case: { id: c.id }, actor: steg, type: "reply", message: "Réponse.", now: tn("2026-05-03T11:00:00") });
      const inbox = await listInbox({ db, userId: who.userId });
      expect(inbox.map((n) => n.type)).toEqual(["caseReply", "caseReceived"]);
      expect(await countUnread({ db, userId: who.userId })).toBe(2);
      await markRead({ db, userId: steg.userId, ids: inbox.map((n) => n.id), now: new Date() });
      expect(await countUnread({ db, userId: who.userId })).toBe(2);
      await markRead({ db, userId: who.userId, ids: [inbox[0]!.id], now: new Date() });
      expect(await countUnread({ db, userId: who.userId })).toBe(1);
      expect(renderNotification({ type: "caseReply", data: inbox[0]!.data, locale: "ar-TN" }).title).toBe(`ردّ جديد بخصوص ${c.reference}`);
    });

    it("due soon: once per deadline, as a public event and a notification", async () => {
      const who = await makeUser(db);
      const c = await submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Sujet", question: "Une question assez longue." }, citizen: who, locale: "ar-TN", now: tn("2026-06-01T10:00:00") });
      // Due at the end of 16 June; "due soon" from 13 June at 23:59:59.999.
      expect(await sweepDueSoon({ db, now: tn("2026-06-10T10:00:00") })).toBe(0);
      expect(await sweepDueSoon({ db, now: tn("2026-06-14T10:00:00") })).toBeGreaterThanOrEqual(1);
      await sweepDueSoon({ db, now: tn("2026-06-15T10:00:00") });
      const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, "dueSoon")));
      expect(events).toHaveLength(1);
      expect(events[0]!.visibility).toBe("public");
      const types = (await listInbox({ db, userId: who.userId })).map((n) => n.type);
      expect(types).toEqual(["caseDueSoon", "caseReceived"]);
    });
  });
}
