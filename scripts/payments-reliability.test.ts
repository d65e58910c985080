import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, sql } from "drizzle-orm";
import { type Database } from "@/lib/db/open";
import { documents, notificationDeliveries, notifications, paymentItems, paymentLedger, payments, users } from "@/lib/db/schema";
import { renderNotification } from "@/lib/notifications/render";
import { isAppError } from "@/lib/errors";
import { createCheckout, startPayment } from "@/lib/payments/start-payment";
import { refreshPayment, getPayment } from "@/lib/payments/queries";
import { CREATE_GRACE_MS, settleDuePayments } from "@/lib/payments/settle";
import { reconcileDay } from "@/lib/payments/reconcile";
import { handleGatewayCallback } from "@/lib/payments/callback";
import { signCallback } from "@/lib/payments/d17/signature";
import { tunisDay } from "@/lib/payments/d17/simulator";
import { verifyDocument } from "@/lib/documents/store";
import { paymentsSource } from "@/lib/payments/my-file";
import type { PayableItem } from "@/lib/payments/payee";
import type { PaymentState } from "@/lib/payments/states";
import { newIdempotencyKey, startHarness, type Harness } from "./support/payments-harness";
import { testDatabases } from "@/lib/testing/db";

/**
 * The payment guarantees, end to end over HTTP against the D17 and biller simulators (small
 * numbers here; `scripts/bench-payments.ts` runs the same with bigger ones). On PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
const targets = testDatabases();

const rank: Record<PaymentState, number> = { created: 0, pending: 1, paid: 2, declined: 2, expired: 2, refunded: 3 };

for (const target of targets) {
  describe(`payment reliability on ${target.name}`, () => {
    let database: Database;
    let h: Harness;

    beforeAll(async () => {
      database = await target.open();
      if (target.name === "PostgreSQL") {
        // A shared database may hold payments of an earlier run, unknown to this run's fresh D17.
        await database.db.execute(sql`delete from payment_ledger; delete from payment_items; delete from payments; delete from payment_checkouts; delete from documents where kind = 'payment-receipt'`);
      }
      h = await startHarness({ database, d17TimeoutMs: 4000 });
    });
    afterAll(async () => {
      await h?.close();
      await database?.close();
    });

    async function checkoutFor(userId: string, bills: { reference: string; key: string | null; amount: number; biller?: string }[]) {
      const items: PayableItem[] = bills.map((b) => ({ payee: b.biller ?? "steg", reference: b.reference, key: b.key, amountMillimes: b.amount, customer: "Te** C**", period: null, dueDate: null }));
      return (await createCheckout({ deps: h.deps, userId, items })).checkoutId;
    }
    async function ledgerRows(paymentId: string) {
      return database.db.select().from(paymentLedger).where(eq(paymentLedger.paymentId, paymentId));
    }
    async function stateOf(paymentId: string): Promise<PaymentState> {
      const [p] = await database.db.select({ state: payments.state }).from(payments).where(eq(payments.id, paymentId));
      return p!.state;
    }
    const gatewayIdOf = async (paymentId: string) => (await database.db.select().from(payments).where(eq(payments.id, paymentId)))[0]!.gatewayPaymentId!;

    it("50 concurrent attempts with one idempotency key make one gateway charge and one ledger row", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      const before = h.d17.stats().requestsCreated;
      const key = newIdempotencyKey();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: key, locale: "ar-TN" })),
      );
      const ids = new Set(results.map((r) => r.paymentId));
      expect(ids.size).toBe(1);
      expect(h.d17.stats().requestsCreated - before).toBe(1);
      const [n] = await database.db.select({ n: count() }).from(payments).where(eq(payments.idempotencyKey, key));
      expect(n!.n).toBe(1);
      const paymentId = [...ids][0]!;
      const rows = await ledgerRows(paymentId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ fromState: "created", toState: "pending", source: "create" });
      // Approving it debits once, whatever the 50 callers do afterwards.
      const decided = h.d17.decide(await gatewayIdOf(paymentId), { code: citizen.code, decision: "approve" });
      expect(decided.ok).toBe(true);
      await expect.poll(() => stateOf(paymentId), { timeout: 5000 }).toBe("paid");
      expect(h.d17.wallet(citizen.phone)!.balance).toBe(1_000_000 - bill.amount);
    });

    it("two keys for one bill at once: one goes through, the other is refused", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      const before = h.d17.stats().requestsCreated;
      const settled = await Promise.allSettled([
        startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" }),
        startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" }),
      ]);
      const ok = settled.filter((s) => s.status === "fulfilled");
      const refused = settled.filter((s) => s.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const reason = (refused[0] as PromiseRejectedResult).reason;
      expect(isAppError(reason) && reason.code).toBe("conflict");
      expect(isAppError(reason) && reason.messageKey).toBe("Pay.errors.billInFlight");
      expect(h.d17.stats().requestsCreated - before).toBe(1);
      const active = await database.db.select().from(paymentItems).where(and(eq(paymentItems.reference, bill.reference), eq(paymentItems.active, true)));
      expect(active).toHaveLength(1);
    });

    it("callbacks replayed 10 times, out of order, never move a payment backwards", async () => {
      h.d17.setConfig({ callbacks: { duplicate: 1, outOfOrder: 1 } });
      try {
        const citizen = await h.newCitizen();
        const bill = await h.newBill();
        const { paymentId } = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "fr-TN" });
        const gid = await gatewayIdOf(paymentId);
        // A forged-body callback (authentic signature, status "paid") while D17 still says pending: nothing moves.
        const early = await replay(h, gid, "paid");
        expect(early.status).toBe(200);
        expect(await stateOf(paymentId)).toBe("pending");

        h.d17.decide(gid, { code: citizen.code, decision: "approve" });
        await expect.poll(() => stateOf(paymentId), { timeout: 5000 }).toBe("paid");

        const statuses = ["pending", "declined", "expired", "paid", "pending", "declined", "paid", "expired", "pending", "paid"] as const;
        let seen = rank.paid;
        for (const status of statuses) {
          const answer = await replay(h, gid, status);
          expect(answer.status).toBe(200);
          const now = rank[await stateOf(paymentId)];
          expect(now).toBeGreaterThanOrEqual(seen);
          seen = now;
        }
        expect(await stateOf(paymentId)).toBe("paid");
        const rows = await ledgerRows(paymentId);
        expect(rows.map((r) => r.toState).sort()).toEqual(["paid", "pending"]);
        // The simulator's own duplicates and stale events arrived too (and changed nothing).
        await expect.poll(() => h.d17.stats().callbacksSent, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
        expect(await stateOf(paymentId)).toBe("paid");
      } finally {
        h.d17.setConfig({ callbacks: { duplicate: 0, outOfOrder: 0 } });
      }
    });

    it("a bad signature or a timestamp older than 5 minutes is refused with 401 and changes nothing", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const { paymentId } = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      const gid = await gatewayIdOf(paymentId);
      h.d17.setConfig({ callbacks: { drop: 1 } });
      try {
        h.d17.decide(gid, { code: citizen.code, decision: "approve" });
        const [before] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
        const body = JSON.stringify({ eventId: "ev_x", type: "payment_request.updated", paymentRequestId: gid, merchantReference: before!.reference, status: "paid", occurredAt: new Date().toISOString() });
        const ts = Math.floor(Date.now() / 1000);
        const cases = [
          { ts, sig: signCallback("wrong-secret-wrong-secret", ts, body) },
          { ts, sig: signCallback(h.webhookSecret, ts, body.replace("paid", "pending")) },
          { ts: ts - 301, sig: signCallback(h.webhookSecret, ts - 301, body) },
          { ts, sig: "" },
        ];
        for (const c of cases) {
          const res = await fetch(h.callbackUrl, { method: "POST", headers: { "content-type": "application/json", "d17-timestamp": String(c.ts), "d17-signature": c.sig }, body });
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        }
        const [after] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
        expect(after!.state).toBe("pending");
        expect(after!.lastCheckedAt?.getTime() ?? null).toBe(before!.lastCheckedAt?.getTime() ?? null);
        expect(await ledgerRows(paymentId)).toHaveLength(1);
      } finally {
        h.d17.setConfig({ callbacks: { drop: 0 } });
      }
    });

    it("with D17 down the payment stays pending, and the background job settles it once D17 is back", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const { paymentId } = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      const gid = await gatewayIdOf(paymentId);
      h.d17.setConfig({ callbacks: { drop: 1 } });
      try {
        h.d17.decide(gid, { code: citizen.code, decision: "approve" });
        h.d17.setConfig({ down: true });
        const later = Date.now() + 5 * 60_000;
        await settleDuePayments({ deps: h.deps, nowMs: later });
        expect(await stateOf(paymentId)).toBe("pending");
        const view = await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId, force: true });
        expect(view.state).toBe("pending");
        expect(view.gatewayUnreachable).toBe(true);
        h.d17.setConfig({ down: false });
        const run = await settleDuePayments({ deps: h.deps, nowMs: later + 5 * 60_000 });
        expect(run.moved).toBeGreaterThanOrEqual(1);
        expect(await stateOf(paymentId)).toBe("paid");
        // Paid means: a receipt, and the biller told.
        const [doc] = await database.db.select().from(documents).where(eq(documents.subjectId, paymentId));
        expect((await verifyDocument(database.db, { code: doc!.code, key: h.deps.signingKey })).genuine).toBe(true);
        expect(h.billers.notices().some((n) => n.reference === bill.reference)).toBe(true);
      } finally {
        h.d17.setConfig({ down: false, callbacks: { drop: 0 } });
      }
    });

    it("a creation whose answer is lost is found again by its reference", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      h.d17.setConfig({ hangCreates: 1, hangMs: 8000 });
      const { paymentId, state } = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(state).toBe("created");
      const view = await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId, force: true });
      expect(view.state).toBe("pending");
      expect(h.d17.requests().filter((r) => r.merchantReference === view.reference)).toHaveLength(1);
    });

    it("a 2xx creation answer outside the contract is an unknown outcome: the bill stays held until D17 is asked", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      h.d17.setConfig({ garbleCreates: 1 });
      const first = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(first.state).toBe("created");
      // D17 holds a live request: a second attempt for the bill must not be let through.
      await expect(startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" })).rejects.toMatchObject({
        messageKey: "Pay.errors.billInFlight",
      });
      const view = await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true });
      expect(view.state).toBe("pending");
      const atD17 = h.d17.requests().filter((r) => r.merchantReference === view.reference);
      expect(atD17).toHaveLength(1);
      h.d17.decide(atD17[0]!.id, { code: citizen.code, decision: "approve" });
      await expect.poll(() => stateOf(first.paymentId), { timeout: 5000 }).toBe("paid");
      expect(h.d17.wallet(citizen.phone)!.balance).toBe(1_000_000 - bill.amount);
    });

    it("a creation answered 503 holds the bill, and frees it only once D17 is known to hold nothing", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      h.d17.setConfig({ failCreates: 1 });
      const before = h.d17.stats().requestsCreated;
      const first = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(first.state).toBe("created");
      expect(h.d17.stats().requestsCreated).toBe(before);
      await expect(startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" })).rejects.toMatchObject({
        messageKey: "Pay.errors.billInFlight",
      });
      // The payer has left the page; past the grace period D17 still has nothing under our
      // reference: the attempt never arrived.
      h.clock.offsetMs = CREATE_GRACE_MS + 60_000;
      try {
        await settleDuePayments({ deps: h.deps, nowMs: Date.now() + CREATE_GRACE_MS + 60_000 });
        const view = await getPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId });
        expect(view).toMatchObject({ state: "expired", reason: "notSent" });
      } finally {
        h.clock.offsetMs = 0;
      }
      const again = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(again.state).toBe("pending");
      expect(h.d17.stats().requestsCreated).toBe(before + 1);
    });

    it("D17 down at the moment of paying: while the payer waits, the same request is sent when D17 answers, and the countdown starts then", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const key = newIdempotencyKey();
      const before = h.d17.stats().requestsCreated;
      h.d17.setConfig({ down: true });
      try {
        const first = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: key, locale: "ar-TN" });
        expect(first.state).toBe("created");
        expect((await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true })).gatewayUnreachable).toBe(true);
        // Three minutes on the page (past the grace period), D17 still down: nothing ends.
        h.clock.offsetMs = CREATE_GRACE_MS + 60_000;
        expect((await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true })).state).toBe("created");
        // D17 answers again: the page's next poll sends the same request.
        h.d17.setConfig({ down: false });
        const view = await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true });
        expect(view.state).toBe("pending");
        expect(h.d17.stats().requestsCreated - before).toBe(1);
        const atD17 = h.d17.requests().filter((r) => r.merchantReference === view.reference);
        expect(atD17).toHaveLength(1);
        // The time to approve counts from now, when D17 has it (not from the first try).
        const sentAt = (await h.deps.now()).getTime();
        expect(view.expiresAt.getTime() - sentAt).toBeGreaterThan(h.deps.settings.expirySeconds * 1000 - 5_000);
        // Sending it again (another poll, the same key) makes no second request.
        await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true });
        expect(h.d17.stats().requestsCreated - before).toBe(1);
        h.d17.decide(atD17[0]!.id, { code: citizen.code, decision: "approve" });
        await expect.poll(async () => (await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true })).state, { timeout: 5000 }).toBe("paid");
        expect(h.d17.wallet(citizen.phone)!.balance).toBe(1_000_000 - bill.amount);
      } finally {
        h.clock.offsetMs = 0;
        h.d17.setConfig({ down: false });
      }
    });

    it("D17 down, the payer gone: not sent again, it ends as not sent and frees the bill", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const before = h.d17.stats().requestsCreated;
      h.d17.setConfig({ down: true });
      let paymentId: string;
      try {
        paymentId = (await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" })).paymentId;
      } finally {
        h.d17.setConfig({ down: false });
      }
      h.clock.offsetMs = CREATE_GRACE_MS + 60_000;
      try {
        await settleDuePayments({ deps: h.deps, nowMs: Date.now() + CREATE_GRACE_MS + 60_000 });
        expect(await getPayment({ deps: h.deps, userId: citizen.userId, paymentId })).toMatchObject({ state: "expired", reason: "notSent" });
        expect(h.d17.stats().requestsCreated).toBe(before);
      } finally {
        h.clock.offsetMs = 0;
      }
    });

    it("how a payment ends is told to the citizen (inbox, and SMS when chosen), in the transaction of the move", async () => {
      const citizen = await h.newCitizen();
      await database.db.update(users).set({ notifySms: true, notifyPush: false }).where(eq(users.id, citizen.userId));
      const outcomes = async () =>
        database.db
          .select({ type: notifications.type, data: notifications.data, link: notifications.link, channel: notificationDeliveries.channel })
          .from(notifications)
          .leftJoin(notificationDeliveries, eq(notificationDeliveries.notificationId, notifications.id))
          .where(eq(notifications.userId, citizen.userId));

      // Paid while nobody watches: the callback and the background job settle it.
      const paid = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [await h.newBill()]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(await outcomes()).toEqual([]);
      h.d17.decide(await gatewayIdOf(paid.paymentId), { code: citizen.code, decision: "approve" });
      await expect.poll(() => stateOf(paid.paymentId), { timeout: 5000 }).toBe("paid");
      // Refused by the payer.
      const declined = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [await h.newBill()]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      h.d17.decide(await gatewayIdOf(declined.paymentId), { code: citizen.code, decision: "refuse" });
      await expect.poll(() => stateOf(declined.paymentId), { timeout: 5000 }).toBe("declined");
      // Never approved: our time limit passes.
      const expired = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [await h.newBill()]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      h.clock.offsetMs = 11 * 60_000;
      try {
        await settleDuePayments({ deps: h.deps, nowMs: Date.now() + 11 * 60_000 });
      } finally {
        h.clock.offsetMs = 0;
      }
      expect(await stateOf(expired.paymentId)).toBe("expired");

      const told = await outcomes();
      const byType = (type: string) => told.filter((n) => n.type === type);
      expect(byType("paymentPaid").map((n) => n.channel)).toEqual(["sms"]);
      expect(byType("paymentPaid")[0]).toMatchObject({ link: `/pay/receipt/${paid.paymentId}` });
      expect(byType("paymentDeclined")[0]).toMatchObject({ link: `/pay/status/${declined.paymentId}`, data: { reasonKey: "Pay.reasons.refusedByPayer" } });
      expect(byType("paymentExpired")[0]).toMatchObject({ data: { reasonKey: "Pay.reasons.expired" } });
      // Once each, whatever the callbacks and checks that came after.
      expect(told.filter((n) => n.type.startsWith("payment"))).toHaveLength(3);
      const text = renderNotification({ type: "paymentDeclined", data: byType("paymentDeclined")[0]!.data, locale: "fr-TN" });
      expect(text.body).toContain("Vous avez refusé le paiement dans D17");
      expect(text.sms).toMatch(/\d+,\d{3}/);
    });

    it("a late callback changes nothing once the status query has decided", async () => {
      h.d17.setConfig({ callbacks: { delayMs: 1500 } });
      try {
        const citizen = await h.newCitizen();
        const bill = await h.newBill();
        const { paymentId } = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "fr-TN" });
        const sent = h.d17.stats().callbacksSent;
        h.d17.decide(await gatewayIdOf(paymentId), { code: citizen.code, decision: "approve" });
        // The callback is still on its way; the status query does not wait for it.
        expect((await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId, force: true })).state).toBe("paid");
        expect(h.d17.stats().callbacksSent).toBe(sent);
        await expect.poll(() => h.d17.stats().callbacksSent, { timeout: 5000 }).toBeGreaterThan(sent);
        expect(await stateOf(paymentId)).toBe("paid");
        expect((await ledgerRows(paymentId)).map((r) => r.toState).sort()).toEqual(["paid", "pending"]);
        expect(h.d17.wallet(citizen.phone)!.balance).toBe(1_000_000 - bill.amount);
      } finally {
        h.d17.setConfig({ callbacks: { delayMs: 0 } });
      }
    });

    it("refused, then retried with a new key: the retry succeeds, one debit", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      const first = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      h.d17.decide(await gatewayIdOf(first.paymentId), { code: citizen.code, decision: "refuse" });
      await expect.poll(async () => (await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId, force: true })).state, { timeout: 5000 }).toBe("declined");
      expect((await getPayment({ deps: h.deps, userId: citizen.userId, paymentId: first.paymentId })).reason).toBe("refusedByPayer");
      const second = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(second.paymentId).not.toBe(first.paymentId);
      h.d17.decide(await gatewayIdOf(second.paymentId), { code: citizen.code, decision: "approve" });
      await expect.poll(() => stateOf(second.paymentId), { timeout: 5000 }).toBe("paid");
      expect(h.d17.wallet(citizen.phone)!.balance).toBe(1_000_000 - bill.amount);
      expect(await stateOf(first.paymentId)).toBe("declined");
      // "My file" shows the paid one, with its receipt; the refused attempt moved no money and is not there.
      const mine = await paymentsSource.list({ db: database.db, userId: citizen.userId, now: new Date() });
      expect(mine.map((m) => [m.key, m.statusKey, m.href])).toEqual([[`payment:${second.paymentId}`, "Pay.states.paid", `/pay/receipt/${second.paymentId}`]]);
    });

    it("insufficient balance declines with its reason; an unknown D17 number too", async () => {
      const poor = await h.newCitizen({ balance: 1_000 });
      const bill = await h.newBill({ amount: 50_000 });
      const p = await startPayment({ deps: h.deps, userId: poor.userId, checkoutId: await checkoutFor(poor.userId, [bill]), payerPhone: poor.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      h.d17.decide(await gatewayIdOf(p.paymentId), { code: poor.code, decision: "approve" });
      await expect.poll(async () => (await refreshPayment({ deps: h.deps, userId: poor.userId, paymentId: p.paymentId, force: true })).reason, { timeout: 5000 }).toBe("insufficientFunds");
      expect(h.d17.wallet(poor.phone)!.balance).toBe(1_000);

      const bill2 = await h.newBill();
      const unknown = await startPayment({ deps: h.deps, userId: poor.userId, checkoutId: await checkoutFor(poor.userId, [bill2]), payerPhone: "+21629999999", idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(unknown.state).toBe("declined");
      expect((await getPayment({ deps: h.deps, userId: poor.userId, paymentId: unknown.paymentId })).reason).toBe("payerUnknown");
    });

    it("expiry on our clock cancels at D17 and frees the bill", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      const p = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      h.clock.offsetMs = 11 * 60_000;
      try {
        const view = await refreshPayment({ deps: h.deps, userId: citizen.userId, paymentId: p.paymentId, force: true });
        expect(view.state).toBe("expired");
        expect(view.reason).toBe("expired");
        const gid = await gatewayIdOf(p.paymentId);
        expect(h.d17.requests().find((r) => r.id === gid)!.status).toBe("expired");
        expect(h.d17.decide(gid, { code: citizen.code, decision: "approve" })).toEqual({ ok: false, error: "notPending" });
      } finally {
        h.clock.offsetMs = 0;
      }
      const again = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      expect(again.state).toBe("pending");
    });

    it("a bill paid meanwhile elsewhere is refused before any money moves", async () => {
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const checkoutId = await checkoutFor(citizen.userId, [bill]);
      h.billers.payElsewhere("steg", bill.reference);
      const before = h.d17.stats().requestsCreated;
      await expect(startPayment({ deps: h.deps, userId: citizen.userId, checkoutId, payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" })).rejects.toMatchObject({ messageKey: "Pay.errors.paidElsewhere" });
      expect(h.d17.stats().requestsCreated).toBe(before);
    });

    it("reconciliation agrees with the gateway, then finds injected mismatches", async () => {
      const day = tunisDay(new Date());
      const clean = await reconcileDay({ db: database.db, gateway: h.deps.gateway, day });
      expect(clean.mismatches).toEqual([]);
      expect(clean.gatewayCount).toBeGreaterThan(5);

      // 1. D17 says refunded, our ledger says paid.
      const citizen = await h.newCitizen();
      const bill = await h.newBill();
      const p = await startPayment({ deps: h.deps, userId: citizen.userId, checkoutId: await checkoutFor(citizen.userId, [bill]), payerPhone: citizen.phone, idempotencyKey: newIdempotencyKey(), locale: "ar-TN" });
      const gid = await gatewayIdOf(p.paymentId);
      h.d17.decide(gid, { code: citizen.code, decision: "approve" });
      await expect.poll(() => stateOf(p.paymentId), { timeout: 5000 }).toBe("paid");
      h.d17.tamper(gid, { status: "refunded" });
      // 2. A request at D17 that our ledger has never heard of.
      await h.deps.gateway.createPayment({ idempotencyKey: newIdempotencyKey(), merchantReference: "PAY-STRAY-0000", amountMillimes: 1234, payerPhone: citizen.phone, description: "stray", expiresInSeconds: 600 });

      const report = await reconcileDay({ db: database.db, gateway: h.deps.gateway, day });
      expect(report.mismatches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: "stateDiffers", gatewayPaymentId: gid, ledgerState: "paid", gatewayStatus: "refunded" }),
          expect.objectContaining({ kind: "missingInLedger", merchantReference: "PAY-STRAY-0000" }),
        ]),
      );
      expect(report.mismatches).toHaveLength(2);
    });
  });
}

async function replay(h: Harness, gatewayPaymentId: string, status: string) {
  const body = JSON.stringify({ eventId: `ev_${Math.random()}`, type: "payment_request.updated", paymentRequestId: gatewayPaymentId, merchantReference: "?", status, occurredAt: new Date().toISOString() });
  const ts = Math.floor(Date.now() / 1000);
  const headers = new Headers({ "d17-timestamp": String(ts), "d17-signature": signCallback(h.webhookSecret, ts, body) });
  return handleGatewayCallback({ deps: h.deps, rawBody: body, headers });
}
