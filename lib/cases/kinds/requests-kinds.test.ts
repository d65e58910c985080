import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { cases, notifications } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { adjustDeadline, historyOf, rateCase, redirectCase, submitCase, transitionCase, transitionsFor } from "../engine";
import { computeDeadline, endOfLocalDay, localDateOf } from "../deadline";
import { deadlineStatusOf } from "../read";
import { allowedTransitions, findTransition } from "../machine";
import { getCaseForViewer } from "../read";
import { COMPLAINT_CATEGORY_DOCUMENTS, SUGGESTION_DAYS, categoriesOf, setPublishedComplaintCategories } from "./complaint/categories";
import { REPORT_CATEGORY_DOCUMENT, municipalCategories, setPublishedReportCategories } from "./municipal-report/categories";
import { complaintMachine, complaintSchema } from "./complaint";
import { infoRequestMachine, infoRequestSchema } from "./info-request";
import { municipalReportMachine, municipalReportSchema } from "./municipal-report";
import { suggestionMachine } from "./suggestion";
import { getKind } from ".";
import { infoPayload } from "./test-payloads";

const tn = (s: string) => new Date(`${s}+01:00`);
const day = 86_400_000;

async function errorOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (isAppError(e)) return e.messageKey ?? e.code;
  throw e ?? new Error("expected a refusal");
}

const complaintPayload = { bodyId: "steg", category: "outage", description: "No electricity on our street since yesterday evening." };

describe("the requests kinds: registered, schemas and machines", () => {
  it("are kinds of the one engine", () => {
    for (const id of ["complaint", "suggestion", "municipal-report", "info-request"]) expect(getKind(id)?.id).toBe(id);
  });

  it("complaint: a category of the chosen body; messages are keys", () => {
    expect(complaintSchema.safeParse(complaintPayload).success).toBe(true);
    const wrong = complaintSchema.safeParse({ ...complaintPayload, category: "water-quality" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({ path: ["category"], message: "Complaint.errors.categoryRequired" });
    expect(complaintSchema.safeParse({ ...complaintPayload, description: "short" }).error?.issues[0]?.message).toBe("Complaint.errors.descriptionTooShort");
  });

  it("municipal report: GPS, map pin and described place are equal choices; a point must be in Tunisia", () => {
    const base = { category: "waste", governorate: "kasserine", delegation: "haidra", description: "Bins not collected for a week." };
    expect(municipalReportSchema.safeParse({ ...base, location: { mode: "gps", lat: "35.5667", lon: "8.4667" } }).success).toBe(true);
    expect(municipalReportSchema.safeParse({ ...base, location: { mode: "place", place: "Behind the weekly market" } }).success).toBe(true);
    expect(municipalReportSchema.safeParse({ ...base, location: { mode: "map", lat: 48.85, lon: 2.35 } }).error?.issues[0]?.message).toBe("MunicipalReport.errors.locationOutside");
    expect(municipalReportSchema.safeParse({ ...base, location: { mode: "place", place: "" } }).success).toBe(false);
    // As a form sends it: flat fields, empty coordinates when the place is described.
    const flat = municipalReportSchema.safeParse({ ...base, locationMode: "place", lat: "", lon: "", place: "Behind the weekly market" });
    expect(flat.data?.location).toEqual({ mode: "place", place: "Behind the weekly market" });
    expect(municipalReportSchema.safeParse(flat.data).success).toBe(true);
    expect(municipalReportSchema.safeParse({ ...base, locationMode: "gps", lat: "", lon: "" }).error?.issues[0]?.message).toBe("MunicipalReport.errors.locationRequired");
  });

  it("info request: no reason is asked; the form of access is one of the law's four", () => {
    expect(infoRequestSchema.safeParse(infoPayload).success).toBe(true);
    expect(infoRequestSchema.safeParse({ ...infoPayload, accessForm: "fax" }).error?.issues[0]?.message).toBe("InfoRequest.errors.accessFormRequired");
    expect(Object.keys(infoRequestSchema.shape)).not.toContain("reason");
  });

  it("complaint machine: staff resolve, reject or forward with a message; the citizen withdraws, escalates, reopens", () => {
    expect(allowedTransitions(complaintMachine, "received", "staff").map((t) => t.to)).toEqual(["inProgress", "waitingForCitizen", "resolved", "rejected", "forwarded"]);
    expect(allowedTransitions(complaintMachine, "received", "citizen").map((t) => t.to)).toEqual(["escalated", "withdrawn"]);
    expect(allowedTransitions(complaintMachine, "resolved", "citizen").map((t) => t.to)).toEqual(["inProgress"]);
    expect(allowedTransitions(complaintMachine, "rejected", "citizen")).toEqual([]);
    expect(findTransition(complaintMachine, "received", "resolved", "citizen")).toBeNull();
    expect(findTransition(complaintMachine, "received", "resolved", "staff")?.requiresMessage).toBe(true);
    expect(complaintMachine.states.waitingForCitizen.clock).toBe("paused");
  });

  it("suggestion, municipal report and info request machines", () => {
    expect(allowedTransitions(suggestionMachine, "received", "staff").map((t) => t.to)).toEqual(["underReview", "adopted", "answered", "forwarded"]);
    expect(allowedTransitions(municipalReportMachine, "received", "staff").map((t) => t.to)).toEqual(["acknowledged", "scheduled", "resolved", "rejected", "duplicate"]);
    expect(allowedTransitions(municipalReportMachine, "scheduled", "citizen").map((t) => t.to)).toEqual(["escalated"]);
    expect(allowedTransitions(infoRequestMachine, "received", "staff").map((t) => t.to)).toEqual(["inProgress", "answered", "refused"]);
    expect(allowedTransitions(infoRequestMachine, "refused", "citizen").map((t) => t.to)).toEqual(["appealed"]);
    expect(allowedTransitions(infoRequestMachine, "appealed", "staff").map((t) => t.to)).toEqual(["appealGranted", "appealRefused"]);
    expect(findTransition(infoRequestMachine, "refused", "appealed", "citizen")?.adjustment).toBe("appeal");
  });
});

/**
 * The due date of a new case of a kind, and the deadline status at an instant (with the clock
 * running): what the queue, the case page and the overdue sweep read.
 */
function dueOf(kindId: string, payload: unknown, submittedAt: Date): Date {
  const kind = getKind(kindId)!;
  return computeDeadline({ submittedAt, initial: kind.deadline.initial(payload), ops: [] }).dueAt!;
}
const statusAt = (kind: string, dueAt: Date, now: Date) => deadlineStatusOf({ kind, dueAt, clock: "running" }, now);

/** Last instant on time = the end of the Nth local day after the day of filing; one millisecond later it is late. */
function expectBoundary(kind: string, payload: unknown, days: number) {
  for (const submittedAt of [tn("2026-03-01T00:00:00"), tn("2026-03-01T10:00:00"), tn("2026-03-01T23:59:59.999")]) {
    const dueAt = dueOf(kind, payload, submittedAt);
    const d = localDateOf(submittedAt);
    const last = new Date(Date.UTC(d.y, d.m - 1, d.d + days));
    const expected = endOfLocalDay({ y: last.getUTCFullYear(), m: last.getUTCMonth() + 1, d: last.getUTCDate() });
    expect(dueAt, `${kind} filed ${submittedAt.toISOString()}`).toEqual(expected);
    expect(statusAt(kind, dueAt, dueAt)).not.toBe("overdue");
    expect(statusAt(kind, dueAt, new Date(dueAt.getTime() + 1))).toBe("overdue");
  }
}

describe("service levels at their boundaries (calendar days, ending at midnight in Tunis)", () => {
  it("suggestion: 30 days", () => {
    expect(SUGGESTION_DAYS).toBe(30);
    expectBoundary("suggestion", { bodyId: "steg", description: "Open the agency on Saturday mornings." }, 30);
    // Filed on 1 March at 10:00: on time until 31 March 23:59:59.999, late from 1 April 00:00.
    const due = dueOf("suggestion", {}, tn("2026-03-01T10:00:00"));
    expect(due).toEqual(tn("2026-03-31T23:59:59.999"));
    expect(statusAt("suggestion", due, tn("2026-04-01T00:00:00"))).toBe("overdue");
  });

  it("municipal report: each category's service level, from the data", () => {
    expect(municipalCategories().length).toBeGreaterThan(0);
    for (const c of municipalCategories()) expectBoundary("municipal-report", { category: c.id }, c.serviceLevelDays);
    const waste = municipalCategories().find((c) => c.id === "waste")!;
    expect(dueOf("municipal-report", { category: "waste" }, tn("2026-03-01T10:00:00"))).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 1 + waste.serviceLevelDays }));
  });

  it("complaint: the category's service level; 20 days when the category is not (or no longer) in the data", () => {
    expectBoundary("complaint", complaintPayload, categoriesOf("steg").find((c) => c.id === "outage")!.serviceLevelDays);
    expect(getKind("complaint")!.deadline.initial({ bodyId: "steg", category: "retired-category" })).toEqual({ days: 20 });
    expectBoundary("complaint", { bodyId: "steg", category: "retired-category" }, 20);
    const due = dueOf("complaint", { bodyId: "steg", category: "retired-category" }, tn("2026-03-01T10:00:00"));
    expect(due).toEqual(tn("2026-03-21T23:59:59.999"));
    expect(statusAt("complaint", due, tn("2026-03-22T00:00:00"))).toBe("overdue");
  });
});

for (const target of testDatabases()) {
  describe(`the requests kinds in the engine on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let other: Actor;
    let steg: Actor;
    let municipality: Actor;
    let sonede: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db);
      other = await makeUser(db);
      steg = await makeUser(db, { role: "agent", bodyId: "steg" });
      municipality = await makeUser(db, { role: "agent", bodyId: "municipality-haidra" });
      sonede = await makeUser(db, { role: "agent", bodyId: "sonede" });
    }, 180_000);
    afterAll(async () => database?.close());

    it("a complaint goes to the body's queue, due by the category's service level (an outage: 2 days)", async () => {
      const c = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(c.bodyId).toBe("steg");
      expect(new Date(c.dueAt!)).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 3 }));
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: other, now: new Date() })).toBeNull();
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: sonede, now: new Date() })).toBeNull();
    });

    it("a service level published later applies to new cases only; a category added is filed under, one removed is refused and old cases keep its name", async () => {
      const filedAt = tn("2026-03-01T10:00:00");
      try {
        const before = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: filedAt });
        // STEG's editors publish: an outage is now answered within 5 days, "outage" is otherwise the same.
        setPublishedComplaintCategories(
          COMPLAINT_CATEGORY_DOCUMENTS.map((d) => (d.bodyId === "steg" ? { ...d, complaintCategories: d.complaintCategories.map((c) => (c.id === "outage" ? { ...c, serviceLevelDays: 5 } : c)) } : d)),
        );
        const after = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: filedAt });
        expect(new Date(after.dueAt!)).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 6 }));
        const [kept] = await db.select({ dueAt: cases.dueAt }).from(cases).where(eq(cases.id, before.id));
        expect(kept!.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 3 }));

        // The municipality adds a category and removes "noise": the engine files under the new one at its level, refuses the removed one.
        const report = { governorate: "kasserine", delegation: "haidra", location: { mode: "place", place: "Behind the weekly market" }, municipalityId: "municipality-haidra", description: "Sand covers the road after each storm." };
        const noise = await submitCase({ db, kind: "municipal-report", payload: { ...report, category: "noise" }, citizen, locale: "fr-TN", now: filedAt });
        setPublishedReportCategories({
          ...REPORT_CATEGORY_DOCUMENT,
          reportCategories: [...REPORT_CATEGORY_DOCUMENT.reportCategories.filter((c) => c.id !== "noise"), { id: "sand", name: { ar: "الرمال", fr: "Ensablement", en: "Sand" }, serviceLevelDays: 4 }],
        });
        const sand = await submitCase({ db, kind: "municipal-report", payload: { ...report, category: "sand" }, citizen, locale: "fr-TN", now: filedAt });
        expect(new Date(sand.dueAt!)).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 5 }));
        expect(await errorOf(submitCase({ db, kind: "municipal-report", payload: { ...report, category: "noise" }, citizen, locale: "fr-TN", now: filedAt }))).toBe("validation");
        const [stored] = await db.select({ payload: cases.payload }).from(cases).where(eq(cases.id, noise.id));
        expect(getKind("municipal-report")!.describe(stored!.payload as never, "fr").find(([f]) => f === "category")?.[1]).toBe("Bruit");
      } finally {
        setPublishedComplaintCategories(undefined);
        setPublishedReportCategories(undefined);
      }
    });

    it("forwarding to e-people carries the e-people reference, shown in the timeline", async () => {
      const c = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(await errorOf(transitionCase({ db, case: c, to: "forwarded", actor: steg, message: "Sent to e-people", data: { epeopleReference: "x" }, now: tn("2026-03-01T11:00:00") }))).toBe("validation");
      await transitionCase({ db, case: c, to: "forwarded", actor: steg, message: "Sent to e-people", data: { epeopleReference: "EP-2026-004512" }, now: tn("2026-03-01T11:00:00") });
      const history = await historyOf(db, c.id);
      expect(history.find((e) => e.toStatus === "forwarded")?.data).toEqual({ epeopleReference: "EP-2026-004512" });
    });

    it("escalate only once overdue, and only once", async () => {
      const c = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(await errorOf(transitionCase({ db, case: c, to: "escalated", actor: citizen, now: endOfLocalDay({ y: 2026, m: 3, d: 3 }) }))).toBe("Requests.errors.notOverdue");
      const late = tn("2026-03-04T00:00:00");
      const [row] = await db.select().from(cases).where(eq(cases.id, c.id));
      expect(transitionsFor(row!, citizen, { case: row!, history: await historyOf(db, c.id), now: late }).map((t) => t.to)).toContain("escalated");
      await transitionCase({ db, case: c, to: "escalated", actor: citizen, now: late });
      await transitionCase({ db, case: c, to: "inProgress", actor: steg, now: late });
      expect(await errorOf(transitionCase({ db, case: c, to: "escalated", actor: citizen, now: late }))).toBe("Requests.errors.alreadyEscalated");
    });

    it("reopen within 30 days of the resolution, not after; rating once, by the citizen, once closed", async () => {
      const c = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(await errorOf(rateCase({ db, case: c, actor: citizen, stars: 4, now: tn("2026-03-01T11:00:00") }))).toBe("Cases.errors.notClosedYet");
      const resolvedAt = tn("2026-03-02T10:00:00");
      await transitionCase({ db, case: c, to: "resolved", actor: steg, message: "Line repaired.", now: resolvedAt });
      expect(await errorOf(rateCase({ db, case: c, actor: other, stars: 4, now: resolvedAt }))).toBe("Cases.errors.notFound");
      await rateCase({ db, case: c, actor: citizen, stars: 4, comment: "Quick.", now: resolvedAt });
      expect(await errorOf(rateCase({ db, case: c, actor: citizen, stars: 5, now: resolvedAt }))).toBe("Cases.errors.alreadyRated");
      expect(await errorOf(transitionCase({ db, case: c, to: "inProgress", actor: citizen, message: "Back again", now: new Date(resolvedAt.getTime() + 30 * day + 1) }))).toBe("Requests.errors.reopenTooLate");
      const reopened = await transitionCase({ db, case: c, to: "inProgress", actor: citizen, message: "It is cut again.", now: new Date(resolvedAt.getTime() + 30 * day) });
      expect(reopened.closedAt).toBeNull();
      expect(reopened.status).toBe("inProgress");
    });

    it("info request: not competent within 5 days → redirected; the clock restarts at the new body, which alone sees it", async () => {
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "fr-TN", now: tn("2026-03-01T10:00:00") });
      expect(new Date(c.dueAt!)).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 21 }));
      expect(await errorOf(redirectCase({ db, case: c, actor: steg, toBodyId: "steg", message: "x", now: tn("2026-03-02T10:00:00") }))).toBe("Cases.errors.notFound");
      expect(await errorOf(redirectCase({ db, case: c, actor: municipality, toBodyId: "steg", message: "Held by STEG", now: tn("2026-03-07T00:00:00") }))).toBe("InfoRequest.errors.redirectTooLate");
      const moved = await redirectCase({ db, case: c, actor: municipality, toBodyId: "steg", message: "Held by STEG", now: tn("2026-03-04T15:00:00") });
      expect(moved.bodyId).toBe("steg");
      expect(moved.status).toBe("received");
      expect(moved.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 24 }));
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: municipality, now: new Date() })).toBeNull();
      expect(await getCaseForViewer({ db, reference: c.reference, viewer: steg, now: new Date() })).not.toBeNull();
      const sent = await db.select().from(notifications).where(eq(notifications.caseId, c.id));
      expect(sent.map((n) => n.type)).toContain("caseRedirected");
    });

    it("info request: one +10-day extension, announced before the deadline; never for 48 hours", async () => {
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(await errorOf(adjustDeadline({ db, case: c, actor: municipality, adjustment: "extension", now: tn("2026-03-22T00:00:00") }))).toBe("InfoRequest.errors.extensionNotAllowed");
      const extended = await adjustDeadline({ db, case: c, actor: municipality, adjustment: "extension", message: "Several requests", now: tn("2026-03-15T10:00:00") });
      expect(extended.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 31 }));
      expect(await errorOf(adjustDeadline({ db, case: c, actor: municipality, adjustment: "extension", now: tn("2026-03-16T10:00:00") }))).toBe("InfoRequest.errors.extensionNotAllowed");
      const urgent = await submitCase({ db, kind: "info-request", payload: { ...infoPayload, lifeOrLiberty: true }, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(urgent.dueAt).toBe(tn("2026-03-03T10:00:00").toISOString());
      expect(await errorOf(adjustDeadline({ db, case: urgent, actor: municipality, adjustment: "extension", now: tn("2026-03-01T12:00:00") }))).toBe("InfoRequest.errors.extensionNotAllowed");
    });

    it("info request: silence is a refusal — the appeal to the head opens, restarts a 10-day clock, and closes after 20 days", async () => {
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(await errorOf(transitionCase({ db, case: c, to: "appealed", actor: citizen, message: "No answer", now: endOfLocalDay({ y: 2026, m: 3, d: 21 }) }))).toBe("InfoRequest.errors.appealNotOpen");
      expect(await errorOf(transitionCase({ db, case: c, to: "appealed", actor: citizen, message: "No answer", now: tn("2026-04-12T00:00:00") }))).toBe("InfoRequest.errors.appealNotOpen");
      const appealed = await transitionCase({ db, case: c, to: "appealed", actor: citizen, message: "No answer within the legal time.", now: tn("2026-03-25T09:00:00") });
      expect(appealed.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 4, d: 4 }));
      const refused = await transitionCase({ db, case: c, to: "appealRefused", actor: municipality, message: "Exception: third parties.", now: tn("2026-04-01T09:00:00") });
      expect(refused.closedAt).not.toBeNull();
    });

    it("info request: a refusal carries its reason; the citizen may appeal within 20 days of it", async () => {
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      await expect(transitionCase({ db, case: c, to: "refused", actor: municipality, message: "No.", now: tn("2026-03-10T14:00:00") })).rejects.toMatchObject({
        code: "validation",
        fields: { reason: "InfoRequest.errors.refusalReasonRequired" },
      });
      await transitionCase({ db, case: c, to: "refused", actor: municipality, message: "Not held.", data: { reason: "notHeld" }, now: tn("2026-03-10T14:00:00") });
      expect(await errorOf(transitionCase({ db, case: c, to: "appealed", actor: citizen, message: "x", now: tn("2026-03-31T00:00:00") }))).toBe("InfoRequest.errors.appealNotOpen");
      const ok = await transitionCase({ db, case: c, to: "appealed", actor: citizen, message: "It is held.", now: tn("2026-03-30T23:00:00") });
      expect(ok.status).toBe("appealed");
      const history = await historyOf(db, c.id);
      expect(history.find((e) => e.toStatus === "refused")?.data).toEqual({ reason: "notHeld" });
    });

    it("info request: the body accepts (clock still running); the citizen withdraws while open, not after the answer, and staff cannot withdraw for them", async () => {
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "fr-TN", now: tn("2026-03-01T10:00:00") });
      expect(await errorOf(transitionCase({ db, case: c, to: "inProgress", actor: citizen, now: tn("2026-03-02T10:00:00") }))).toBe("Cases.errors.transitionNotAllowed");
      const accepted = await transitionCase({ db, case: c, to: "inProgress", actor: municipality, now: tn("2026-03-02T10:00:00") });
      expect(accepted).toMatchObject({ status: "inProgress", clock: "running", closedAt: null });
      expect(accepted.dueAt).toEqual(endOfLocalDay({ y: 2026, m: 3, d: 21 })); // accepting does not move the legal date
      expect(await errorOf(transitionCase({ db, case: c, to: "withdrawn", actor: municipality, now: tn("2026-03-03T10:00:00") }))).toBe("Cases.errors.transitionNotAllowed");
      expect(await errorOf(transitionCase({ db, case: c, to: "withdrawn", actor: other, now: tn("2026-03-03T10:00:00") }))).toBe("Cases.errors.notFound");
      const withdrawn = await transitionCase({ db, case: c, to: "withdrawn", actor: citizen, now: tn("2026-03-03T10:00:00") });
      expect(withdrawn).toMatchObject({ status: "withdrawn", clock: "stopped" });
      expect(withdrawn.closedAt).not.toBeNull();

      const answered = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "fr-TN", now: tn("2026-03-01T10:00:00") });
      await transitionCase({ db, case: answered, to: "answered", actor: municipality, message: "The budget is attached.", now: tn("2026-03-05T10:00:00") });
      expect(await errorOf(transitionCase({ db, case: answered, to: "withdrawn", actor: citizen, now: tn("2026-03-06T10:00:00") }))).toBe("Cases.errors.transitionNotAllowed");
    });

    it("municipal report: withdrawn only before the municipality acts; reopened once resolved, within 30 days, with a message", async () => {
      const report = { category: "lighting", governorate: "kasserine", delegation: "haidra", location: { mode: "place", place: "Rue de la gare, near the school" }, description: "Three street lamps are out." };
      const first = await submitCase({ db, kind: "municipal-report", payload: report, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      expect(first.bodyId).toBe("municipality-haidra");
      await transitionCase({ db, case: first, to: "acknowledged", actor: municipality, now: tn("2026-03-01T12:00:00") });
      expect(await errorOf(transitionCase({ db, case: first, to: "withdrawn", actor: citizen, now: tn("2026-03-01T13:00:00") }))).toBe("Cases.errors.transitionNotAllowed");

      const second = await submitCase({ db, kind: "municipal-report", payload: report, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      const withdrawn = await transitionCase({ db, case: second, to: "withdrawn", actor: citizen, now: tn("2026-03-01T11:00:00") });
      expect(withdrawn.closedAt).not.toBeNull();
      expect(await errorOf(transitionCase({ db, case: second, to: "acknowledged", actor: citizen, message: "Still out.", now: tn("2026-03-02T11:00:00") }))).toBe("Cases.errors.transitionNotAllowed");

      const resolvedAt = tn("2026-03-03T10:00:00");
      await transitionCase({ db, case: first, to: "resolved", actor: municipality, message: "Lamps replaced.", now: resolvedAt });
      expect(await errorOf(transitionCase({ db, case: first, to: "acknowledged", actor: citizen, now: resolvedAt }))).toBe("validation"); // a reopening says why
      expect(await errorOf(transitionCase({ db, case: first, to: "acknowledged", actor: citizen, message: "Out again.", now: new Date(resolvedAt.getTime() + 30 * day + 1) }))).toBe("Requests.errors.reopenTooLate");
      const reopened = await transitionCase({ db, case: first, to: "acknowledged", actor: citizen, message: "Out again.", now: new Date(resolvedAt.getTime() + 30 * day) });
      expect(reopened).toMatchObject({ status: "acknowledged", closedAt: null });
    });

    it("a rating is a whole number of stars from 1 to 5: 0, 6 and 4.5 are refused and nothing is written", async () => {
      const c = await submitCase({ db, kind: "complaint", payload: complaintPayload, citizen, locale: "ar-TN", now: tn("2026-03-01T10:00:00") });
      await transitionCase({ db, case: c, to: "resolved", actor: steg, message: "Line repaired.", now: tn("2026-03-02T10:00:00") });
      for (const stars of [0, 6, 4.5, -1]) expect(await errorOf(rateCase({ db, case: c, actor: citizen, stars, now: tn("2026-03-02T11:00:00") }))).toBe("validation");
      expect((await historyOf(db, c.id)).length).toBe(1); // only the resolution
      const rated = await rateCase({ db, case: c, actor: citizen, stars: 1, now: tn("2026-03-02T11:00:00") });
      expect(rated.version).toBe(3);
    });
  });
}
