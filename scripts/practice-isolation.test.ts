import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { practiceItems, practiceRuns } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { filePracticeComplaint } from "@/lib/cases/practice";
import { bookInPractice } from "@/lib/interviews/practice";
import { practiceSlots } from "@/lib/interviews/practice-forms";
import { practicePaymentStatus, startPracticePayment } from "@/lib/payments/practice";
import { reconcileDay } from "@/lib/payments/reconcile";
import { handleGatewayCallback } from "@/lib/payments/callback";
import { signCallback } from "@/lib/payments/d17/signature";
import { tunisDay } from "@/lib/payments/d17/simulator";
import { endPracticeRun, listPracticeItems, prunePracticeRuns, startPracticeRun } from "@/lib/practice/store";
import { isPracticeReference } from "@/lib/practice/token";
import { realRowCounts } from "@/lib/practice/isolation";
import { testDatabases } from "@/lib/testing/db";
import { newIdempotencyKey, startHarness, type Harness } from "./support/payments-harness";

/**
 * Practice mode never reaches a real queue, ledger, agenda or outbox (docs/adr/0022-practice-mode.md):
 * a complaint, a booking and a D17 payment approved by the payer (its callback delivered) are
 * made in practice, and every real table stays as it was. Over HTTP against the D17 simulator, on
 * PGlite and (isolated) PostgreSQL when TEST_DATABASE_URL is set.
 */

for (const target of testDatabases({ isolated: true })) {
  describe(`practice isolation on ${target.name}`, () => {
    let database: Database;
    let h: Harness;

    beforeAll(async () => {
      database = await target.open();
      h = await startHarness({ database });
    });
    afterAll(async () => {
      await h?.close();
      await database?.close();
    });

    const realCounts = () => realRowCounts(database.db);

    it("a practice complaint, booking and approved D17 payment write nothing to a real table", async () => {
      const db = database.db;
      const before = await realCounts();
      const now = new Date();
      const { runId } = await startPracticeRun({ db, lessonSlug: "pay-with-d17", now });

      const complaint = await filePracticeComplaint({ db, runId, input: { bodyId: "steg", category: "billing", description: "Ma facture est deux fois trop élevée ce mois-ci.", hideName: "on" }, now });
      expect(isPracticeReference(complaint.reference)).toBe(true);
      expect(complaint.days).toBe(15);

      const slot = practiceSlots(now)[0]!;
      const booking = await bookInPractice({ db, runId, input: { body: "steg", topic: "billing", slot: String(slot.getTime()), subject: "Une question sur ma facture" }, now });
      expect(booking.startsAt).toEqual(slot);

      const payer = await h.newCitizen();
      const key = newIdempotencyKey();
      const p = await startPracticePayment({ db, gateway: h.deps.gateway, runId, payerPhone: payer.phone, idempotencyKey: key, expirySeconds: 600, now });
      expect(p.status).toBe("pending");
      // The same form sent again: the same practice payment, no second request at D17.
      expect((await startPracticePayment({ db, gateway: h.deps.gateway, runId, payerPhone: payer.phone, idempotencyKey: key, expirySeconds: 600, now })).reference).toBe(p.reference);
      const decided = h.d17.decide(p.gatewayPaymentId!, { code: payer.code, decision: "approve" });
      expect(decided.ok).toBe(true);
      // The simulator's callback reaches the app's callback handler (acknowledged, ignored).
      await new Promise((r) => setTimeout(r, 300));
      expect((await practicePaymentStatus({ db, gateway: h.deps.gateway, runId, reference: p.reference }))?.status).toBe("paid");

      // Its callback, sent again by hand: authentic, acknowledged (200, so D17 stops resending), nothing moved.
      const body = JSON.stringify({ eventId: "ev_practice", type: "payment_request.updated", paymentRequestId: p.gatewayPaymentId, merchantReference: p.reference, status: "paid", occurredAt: new Date().toISOString() });
      const ts = Math.floor(Date.now() / 1000);
      const answer = await handleGatewayCallback({ deps: h.deps, rawBody: body, headers: new Headers({ "d17-timestamp": String(ts), "d17-signature": signCallback(h.webhookSecret, ts, body) }) });
      expect(answer).toEqual({ status: 200, body: { received: true } });

      expect(await realCounts()).toEqual(before);
      expect((await listPracticeItems({ db, runId })).map((i) => i.kind).sort()).toEqual(["booking", "complaint", "payment"]);

      // Reconciliation with D17 neither counts nor flags the practice request.
      const report = await reconcileDay({ db, gateway: h.deps.gateway, day: tunisDay(now) });
      expect(report.gatewayCount).toBe(0);
      expect(report.mismatches).toEqual([]);

      // Ending the practice deletes all of it.
      await endPracticeRun({ db, runId });
      expect(await listPracticeItems({ db, runId })).toEqual([]);
      expect(await realCounts()).toEqual(before);
    });

    it("refuses what the real form refuses, with the real messages, and writes nothing then either", async () => {
      const db = database.db;
      const { runId } = await startPracticeRun({ db, now: new Date() });
      const before = await realCounts();
      await fc.assert(
        fc.asyncProperty(fc.record({ bodyId: fc.constantFrom("steg", "sonede", "nope", ""), category: fc.constantFrom("billing", "outage", "x", ""), description: fc.string({ maxLength: 30 }) }), async (input) => {
          try {
            await filePracticeComplaint({ db, runId, input, now: new Date() });
          } catch (error) {
            expect(isAppError(error) && error.code === "validation").toBe(true);
          }
        }),
        { numRuns: 40 },
      );
      await expect(bookInPractice({ db, runId, input: { body: "steg", topic: "pension", slot: "1", subject: "x" }, now: new Date() })).rejects.toMatchObject({ code: "validation" });
      expect(await realCounts()).toEqual(before);
      await endPracticeRun({ db, runId });
    });

    it("housekeeping deletes practice runs past their hour, with their items", async () => {
      const db = database.db;
      const long = new Date(Date.now() - 2 * 3_600_000);
      const { runId } = await startPracticeRun({ db, now: long });
      await db.insert(practiceItems).values({ runId, kind: "complaint", reference: `PRACTICE-T-${runId}`, data: {}, createdAt: long });
      const { runId: fresh } = await startPracticeRun({ db, now: new Date() });
      expect(await prunePracticeRuns({ db, now: new Date() })).toBeGreaterThanOrEqual(1);
      expect(await db.select().from(practiceRuns).where(eq(practiceRuns.id, runId))).toEqual([]);
      expect(await db.select().from(practiceItems).where(eq(practiceItems.runId, runId))).toEqual([]);
      expect(await db.select().from(practiceRuns).where(eq(practiceRuns.id, fresh))).toHaveLength(1);
    });
  });
}
