import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Db } from "@/lib/db/open";
import { auditLog, caseEvents, cases, notificationDeliveries, notifications } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { addCaseMessage, adjustDeadline, assignCase, recordStaffView, submitCase, transitionCase, transitionsFor } from "./engine";
import { endOfLocalDay } from "./deadline";
import { defineKind } from "./kind";
import { registerKindForTests } from "./kinds";
import { questionMachine } from "./kinds/question";
import { findTransition, partyOf } from "./machine";
import { getCaseForViewer, lastStaffViews, listCaseEvents, listCitizenCases, listQueue } from "./read";

/** A kind with a waiting state (clock paused), an extension and a redirection, as law 2016-22 needs. */
const lawLike = defineKind({
  id: "test-law",
  schema: z.object({ urgent: z.boolean(), bodyId: z.string() }),
  machine: {
    initial: "received",
    states: {
      received: { label: "Cases.status.received", tone: "blue", clock: "running" },
      waiting: { label: "Cases.status.inProgress", tone: "yellow", clock: "paused" },
      redirected: { label: "Cases.status.inProgress", tone: "yellow", clock: "running" },
      decided: { label: "Cases.status.answered", tone: "green", clock: "stopped", final: true },
    },
    transitions: [
      { from: ["received", "redirected"], to: "waiting", by: ["staff"], label: "x" },
      { from: ["waiting"], to: "received", by: ["citizen", "staff"], label: "x" },
      { from: ["received"], to: "redirected", by: ["staff"], label: "x", adjustment: "redirect" },
      { from: ["received", "redirected"], to: "decided", by: ["staff"], label: "x" },
    ],
  },
  deadline: {
    initial: (p: { urgent: boolean }) => (p.urgent ? { hours: 48 } : { days: 20 }),
    dueSoon: { days: 3 },
    adjustments: { extension: { op: "extend", allowance: { days: 10 }, max: 1 }, redirect: { op: "restart", allowance: { days: 20 } } },
  },
  route: (p: { bodyId: string }) => ({ bodyId: p.bodyId }),
  messages: { name: "Question.kindName", fields: {} },
  title: () => "test",
  describe: () => [],
});
registerKindForTests(lawLike);

const tn = (s: string) => new Date(`${s}+01:00`);

async function countOf(db: Db, caseId: string) {
  const [e] = await db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.caseId, caseId));
  const [n] = await db.select({ n: count() }).from(notifications).where(eq(notifications.caseId, caseId));
  const [c] = await db.select().from(cases).where(eq(cases.id, caseId));
  return { events: Number(e!.n), notifications: Number(n!.n), status: c!.status, version: c!.version, dueAt: c!.dueAt };
}

async function auditCount(db: Db, reference: string) {
  const [a] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.subjectType, "case"), eq(auditLog.subjectId, reference)));
  return Number(a!.n);
}

async function expectError(p: Promise<unknown>, code: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

for (const target of testDatabases()) {
  describe(`the case engine on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let other: Actor;
    let steg: Actor;
    let sonede: Actor;
    let admin: Actor;
    let volunteer: Actor;

    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db, { notifySms: true, notifyPush: true });
      other = await makeUser(db);
      steg = await makeUser(db, { role: "official", bodyId: "steg" });
      sonede = await makeUser(db, { role: "official", bodyId: "sonede" });
      admin = await makeUser(db, { role: "admin" });
      volunteer = await makeUser(db, { role: "volunteer" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    const ask = (who: Actor = citizen, now = new Date()) =>
      submitCase({ db, kind: "question", payload: { bodyId: "steg", subject: "Compteur", question: "Quand le compteur sera-t-il posé ?" }, citizen: who, locale: "fr-TN", now });

    it("submits a case: reference, routed body, first event, deadline, receipt notification with channels", async () => {
      const now = tn("2026-03-01T10:00:00");
      const c = await ask(citizen, now);
      expect(c.reference).toMatch(/^IDR-26-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      expect(c.bodyId).toBe("steg");
      expect(c.status).toBe("received");
      expect(c.dueAt).toBe(endOfLocalDay({ y: 2026, m: 3, d: 16 }).toISOString());
      const state = await countOf(db, c.id);
      expect(state).toMatchObject({ events: 1, notifications: 1, version: 1 });
      const [n] = await db.select().from(notifications).where(eq(notifications.caseId, c.id));
      expect(n).toMatchObject({ type: "caseReceived", link: `/my/cases/${c.reference}` });
      expect(n!.data).toMatchObject({ reference: c.reference, kindKey: "Question.kindName", statusKey: "Cases.status.received" });
      const channels = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, n!.id));
      expect(channels.map((d) => d.channel).sort()).toEqual(["push", "sms"]);
    });

    it("refuses an invalid payload with field keys, and writes nothing", async () => {
      const [before] = await db.select({ n: count() }).from(cases);
      const error = await submitCase({ db, kind: "question", payload: { bodyId: "nope", subject: "", question: "short" }, citizen, locale: "ar-TN", now: new Date() }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("validation");
      expect(isAppError(error) && error.fields).toEqual({
        bodyId: "Question.errors.bodyRequired",
        subject: "Question.errors.subjectRequired",
        question: "Question.errors.questionTooShort",
      });
      const [after] = await db.select({ n: count() }).from(cases);
      expect(after!.n).toBe(before!.n);
    });

    it("lets only citizens submit (a volunteer guides, never sends alone)", async () => {
      await expectError(ask(volunteer), "forbidden");
      await expectError(ask(steg), "forbidden");
      await expectError(submitCase({ db, kind: "nope", payload: {}, citizen, locale: "ar-TN", now: new Date() }), "validation");
    });

    it("moves through the machine: staff of the body may, others are refused and nothing is written", async () => {
      const c = await ask();
      const before = await countOf(db, c.id);
      // Not in the machine at all: received → received / unknown.
      await expectError(transitionCase({ db, case: { id: c.id }, to: "answered", actor: steg, now: new Date() }), "validation"); // needs a message
      await expectError(transitionCase({ db, case: { id: c.id }, to: "nowhere", actor: steg, now: new Date() }), "conflict");
      // A citizen may not make a staff transition; staff of another body do not see the case.
      await expectError(transitionCase({ db, case: { id: c.id }, to: "inProgress", actor: citizen, now: new Date() }), "forbidden");
      await expectError(transitionCase({ db, case: { id: c.id }, to: "inProgress", actor: sonede, now: new Date() }), "notFound");
      await expectError(transitionCase({ db, case: { id: c.id }, to: "inProgress", actor: other, now: new Date() }), "notFound");
      await expectError(transitionCase({ db, case: { id: c.id }, to: "inProgress", actor: volunteer, now: new Date() }), "notFound");
      expect(await countOf(db, c.id)).toEqual(before);
      expect(await auditCount(db, c.reference)).toBe(0);

      await transitionCase({ db, case: { reference: c.reference.toLowerCase() }, to: "inProgress", actor: steg, now: new Date() });
      const answered = await transitionCase({ db, case: { id: c.id }, to: "answered", actor: steg, message: "Demain matin.", now: new Date() });
      expect(answered.status).toBe("answered");
      expect(answered.closedAt).not.toBeNull();
      expect(answered.clock).toBe("stopped");
      const after = await countOf(db, c.id);
      expect(after).toMatchObject({ events: 3, notifications: 3, version: 3, status: "answered" });
      expect(await auditCount(db, c.reference)).toBe(2);
      // Final state: the citizen can no longer withdraw it.
      await expectError(transitionCase({ db, case: { id: c.id }, to: "withdrawn", actor: citizen, now: new Date() }), "conflict");
      expect((await countOf(db, c.id)).events).toBe(3);
    });

    it("property: random attempts by random parties end in the state the pure machine predicts, one event per accepted move", async () => {
      const states = Object.keys(questionMachine.states);
      const parties = { citizen: () => citizen, staff: () => steg, stranger: () => sonede } as const;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ who: fc.constantFrom("citizen", "staff", "stranger"), to: fc.constantFrom(...states), withMessage: fc.boolean() }), { minLength: 1, maxLength: 8 }),
          async (attempts) => {
            const c = await ask();
            let model = questionMachine.initial as string;
            let accepted = 0;
            for (const a of attempts) {
              const actor = parties[a.who as keyof typeof parties]();
              const party = a.who === "stranger" ? null : partyOf(actor.role);
              const t = party ? findTransition(questionMachine, model, a.to, party) : null;
              const ok = t !== null && (!t.requiresMessage || a.withMessage);
              const result = await transitionCase({ db, case: { id: c.id }, to: a.to, actor, message: a.withMessage ? "message" : null, now: new Date() }).then(
                () => true,
                (e: unknown) => {
                  if (!isAppError(e)) throw e;
                  return false;
                },
              );
              expect(result).toBe(ok);
              if (ok) {
                model = a.to;
                accepted++;
              }
            }
            const state = await countOf(db, c.id);
            expect(state.status).toBe(model);
            expect(state.events).toBe(1 + accepted);
            expect(state.version).toBe(1 + accepted);
          },
        ),
        { numRuns: 25 },
      );
    });

    it("replies, notes and views: who may, what the citizen sees, what is audited", async () => {
      const c = await ask();
      await addCaseMessage({ db, case: { id: c.id }, actor: steg, type: "reply", message: "Nous regardons.", now: new Date() });
      await addCaseMessage({ db, case: { id: c.id }, actor: steg, type: "note", message: "Voir le dossier papier.", now: new Date() });
      await expectError(addCaseMessage({ db, case: { id: c.id }, actor: citizen, type: "note", message: "x", now: new Date() }), "forbidden");
      await expectError(addCaseMessage({ db, case: { id: c.id }, actor: sonede, type: "reply", message: "x", now: new Date() }), "notFound");
      await expectError(addCaseMessage({ db, case: { id: c.id }, actor: steg, type: "reply", message: "   ", now: new Date() }), "validation");
      await addCaseMessage({ db, case: { id: c.id }, actor: citizen, type: "citizenMessage", message: "Merci.", now: new Date() });

      const t0 = new Date();
      await recordStaffView({ db, case: { id: c.id }, actor: steg, now: t0 });
      await recordStaffView({ db, case: { id: c.id }, actor: steg, now: new Date(t0.getTime() + 60_000) });
      await recordStaffView({ db, case: { id: c.id }, actor: steg, now: new Date(t0.getTime() + 31 * 60_000) });
      await expectError(recordStaffView({ db, case: { id: c.id }, actor: sonede, now: t0 }), "notFound");
      const views = await lastStaffViews({ db, caseId: c.id });
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ bodyId: "steg", role: "official" });
      expect(views[0]!.at.getTime()).toBe(t0.getTime() + 31 * 60_000);

      const asCitizen = (await getCaseForViewer({ db, reference: c.reference, viewer: citizen, now: new Date() }))!;
      expect(asCitizen.asStaff).toBe(false);
      const publicTimeline = await listCaseEvents({ db, caseView: asCitizen });
      expect(publicTimeline.map((e) => e.type)).toEqual(["viewed", "viewed", "citizenMessage", "reply", "submitted"]);
      expect(publicTimeline.every((e) => e.visibility === "public")).toBe(true);
      expect(publicTimeline.find((e) => e.type === "reply")!.actorName).toBeNull(); // staff names stay inside
      const asStaff = (await getCaseForViewer({ db, reference: c.reference, viewer: steg, now: new Date() }))!;
      expect(asStaff.asStaff).toBe(true);
      expect((await listCaseEvents({ db, caseView: asStaff })).map((e) => e.type)).toContain("note");
      // Every view is audited, even those merged in the timeline.
      const views3 = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.reference), eq(auditLog.action, "case.view")));
      expect(views3).toHaveLength(3);
      // Only the reply notifies the citizen (besides the receipt).
      expect((await countOf(db, c.id)).notifications).toBe(2);
    });

    it("hides a case from everyone but its citizen and its body (404, not 403)", async () => {
      const c = await ask();
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: other, now: new Date() })).toBeNull();
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: sonede, now: new Date() })).toBeNull();
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: volunteer, now: new Date() })).toBeNull();
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: admin, now: new Date() })).not.toBeNull();
      expect(await getCaseForViewer({ db, reference: "IDR-26-0000-00", viewer: citizen, now: new Date() })).toBeNull();
    });

    it("recomputes the deadline: pause in a waiting state, restart on redirection, one extension only", async () => {
      const submittedAt = tn("2026-03-01T10:00:00");
      const law = await submitCase({ db, kind: "test-law", payload: { urgent: false, bodyId: "steg" }, citizen, locale: "ar-TN", now: submittedAt });
      expect(law.dueAt).toBe(endOfLocalDay({ y: 2026, m: 3, d: 21 }).toISOString());
      await transitionCase({ db, case: { id: law.id }, to: "waiting", actor: steg, now: tn("2026-03-05T10:00:00") });
      let row = (await db.select().from(cases).where(eq(cases.id, law.id)))[0]!;
      expect(row.clock).toBe("paused");
      await transitionCase({ db, case: { id: law.id }, to: "received", actor: citizen, now: tn("2026-03-08T10:00:00") });
      row = (await db.select().from(cases).where(eq(cases.id, law.id)))[0]!;
      expect(row.clock).toBe("running");
      expect(row.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 24 }));
      await adjustDeadline({ db, case: { id: law.id }, actor: steg, adjustment: "extension", now: tn("2026-03-10T10:00:00") });
      row = (await db.select().from(cases).where(eq(cases.id, law.id)))[0]!;
      expect(row.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 4, d: 3 }));
      await expectError(adjustDeadline({ db, case: { id: law.id }, actor: steg, adjustment: "extension", now: tn("2026-03-11T10:00:00") }), "conflict");
      await expectError(adjustDeadline({ db, case: { id: law.id }, actor: citizen, adjustment: "extension", now: tn("2026-03-11T10:00:00") }), "forbidden");
      await transitionCase({ db, case: { id: law.id }, to: "redirected", actor: steg, now: tn("2026-03-12T10:00:00") });
      row = (await db.select().from(cases).where(eq(cases.id, law.id)))[0]!;
      expect(row.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 4, d: 1 }));

      const urgent = await submitCase({ db, kind: "test-law", payload: { urgent: true, bodyId: "steg" }, citizen, locale: "ar-TN", now: submittedAt });
      expect(urgent.dueAt).toBe(tn("2026-03-03T10:00:00").toISOString());
    });

    it("lists my cases newest first and the queue overdue first, per body", async () => {
      const me = await makeUser(db);
      const body = `body-${Math.random().toString(36).slice(2)}`;
      const clerk = await makeUser(db, { role: "agent", bodyId: body });
      const mk = (at: string) => submitCase({ db, kind: "test-law", payload: { urgent: false, bodyId: body }, citizen: me, locale: "ar-TN", now: tn(at) });
      const old = await mk("2026-01-01T10:00:00"); // overdue on 2026-03-01
      const recent = await mk("2026-02-25T10:00:00");
      const middle = await mk("2026-02-10T10:00:00"); // due 2 March: due soon
      const mine = await listCitizenCases({ db, citizenId: me.userId, now: tn("2026-03-01T10:00:00") });
      expect(mine.map((c) => c.id)).toEqual([recent.id, middle.id, old.id]);
      const q = await listQueue({ db, viewer: clerk, now: tn("2026-03-01T10:00:00") });
      expect(q.items.map((c) => c.id)).toEqual([old.id, middle.id, recent.id]);
      expect(q.items.map((c) => c.deadline)).toEqual(["overdue", "dueSoon", "onTime"]);
      expect(q.total).toBe(3);
      await transitionCase({ db, case: { id: old.id }, to: "decided", actor: clerk, now: tn("2026-03-01T11:00:00") });
      expect((await listQueue({ db, viewer: clerk, now: tn("2026-03-01T12:00:00") })).items.map((c) => c.id)).toEqual([middle.id, recent.id]);
      expect((await listQueue({ db, viewer: clerk, now: tn("2026-03-01T12:00:00"), status: "closed" })).items.map((c) => c.id)).toEqual([old.id]);
      expect((await listQueue({ db, viewer: steg, now: new Date() })).items.some((c) => c.bodyId === body)).toBe(false);
      expect((await listQueue({ db, viewer: me, now: new Date() })).items).toEqual([]);
      expect(transitionsFor({ kind: "question", status: "received" }, steg).map((t) => t.to)).toEqual(["inProgress", "answered", "closed"]);
      expect(transitionsFor({ kind: "question", status: "received" }, citizen).map((t) => t.to)).toEqual(["withdrawn"]);
    });

    it("an agent's queue holds their body's cases and those filed at their house; on the latter they correspond but decide nothing", async () => {
      const walkIn = await makeUser(db);
      const suffix = Math.random().toString(36).slice(2);
      const house = `house-${suffix}`;
      const town = `town-${suffix}`;
      const counter = await makeUser(db, { role: "agent", bodyId: town, houseId: house });
      const elsewhere = await makeUser(db, { role: "agent", bodyId: town, houseId: `other-${suffix}` });
      const officialOfTown = await makeUser(db, { role: "official", bodyId: town });
      const now = tn("2026-03-01T10:00:00");
      // Filed by the counter agent for a walk-in citizen, to another body (STEG); one case of the agent's own body; one of STEG filed online.
      const file = (bodyId: string, filedBy?: { agentId: string; houseId: string }) =>
        submitCase({ db, kind: "test-law", payload: { urgent: false, bodyId }, citizen: walkIn, locale: "fr-TN", now, filedBy });
      const filed = await file("steg", { agentId: counter.userId, houseId: house });
      const ofTown = await file(town);
      const online = await file("steg");
      expect((await db.select().from(cases).where(eq(cases.id, filed.id)))[0]!.houseId).toBe(house);
      expect((await db.select().from(cases).where(eq(cases.id, online.id)))[0]!.houseId).toBeNull();

      const ids = async (viewer: Actor, extra: { house?: boolean } = {}) => (await listQueue({ db, viewer, now, ...extra })).items.map((c) => c.id).sort();
      expect(await ids(counter)).toEqual([filed.id, ofTown.id].sort());
      expect(await ids(counter, { house: true })).toEqual([filed.id]);
      expect(await ids(elsewhere)).toEqual([ofTown.id]); // another house of the same body
      expect(await ids(officialOfTown)).toEqual([ofTown.id]); // officials work for the body only
      expect(await ids(officialOfTown, { house: true })).toEqual([ofTown.id]); // the filter means nothing to them
      expect((await ids(steg)).includes(filed.id)).toBe(true); // the body still has it

      // The counter agent opens it, reads internal notes, replies and notes…
      const seen = (await getCaseForViewer({ db, reference: filed.reference, viewer: counter, now }))!;
      expect(seen).toMatchObject({ asStaff: true, mayDecide: false });
      expect(await getCaseForViewer({ db, reference: filed.reference, viewer: elsewhere, now })).toBeNull();
      expect((await getCaseForViewer({ db, reference: filed.reference, viewer: steg, now }))!).toMatchObject({ asStaff: true, mayDecide: true });
      await addCaseMessage({ db, case: { id: filed.id }, actor: steg, type: "note", message: "Relevé demandé.", now });
      await addCaseMessage({ db, case: { id: filed.id }, actor: counter, type: "reply", message: "STEG a bien reçu votre réclamation.", now });
      await addCaseMessage({ db, case: { id: filed.id }, actor: counter, type: "note", message: "Le citoyen repasse jeudi.", now });
      await recordStaffView({ db, case: { id: filed.id }, actor: counter, now });
      expect((await listCaseEvents({ db, caseView: seen })).filter((e) => e.type === "note")).toHaveLength(2);
      // …but the body's decisions are not theirs: status, deadline, assignment.
      const before = await countOf(db, filed.id);
      await expectError(transitionCase({ db, case: { id: filed.id }, to: "decided", actor: counter, now }), "forbidden");
      await expectError(adjustDeadline({ db, case: { id: filed.id }, actor: counter, adjustment: "extension", now }), "forbidden");
      await expectError(assignCase({ db, case: { id: filed.id }, actor: counter, now }), "forbidden");
      expect(await countOf(db, filed.id)).toEqual(before);
      await expectError(addCaseMessage({ db, case: { id: filed.id }, actor: elsewhere, type: "reply", message: "x", now }), "notFound");
      // The body decides.
      await transitionCase({ db, case: { id: filed.id }, to: "decided", actor: steg, now });
      expect((await listQueue({ db, viewer: counter, now, house: true, status: "closed" })).items.map((c) => c.id)).toEqual([filed.id]);
    });
  });
}
