import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOfLocalDay, localDateOf } from "../../deadline";
import { LAW_2016_22, accessForms, answerAllowance, legalTimeline, redirectUntil, silenceAt, type LawFacts, type LawPayload } from "./law-2016-22";

/** A local Tunis time written with its +01:00 offset. */
const tn = (s: string) => new Date(`${s}+01:00`);
const endOf = (y: number, m: number, d: number) => endOfLocalDay({ y, m, d });
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

const copy: LawPayload = { lifeOrLiberty: false, accessForm: "electronic-copy" };
const facts = (over: Partial<LawFacts> = {}): LawFacts => ({
  payload: copy,
  submittedAt: tn("2026-03-01T10:00:00"),
  redirects: [],
  extendedAt: null,
  decision: null,
  appeal: null,
  ...over,
});

describe("law 2016-22: the rules as data", () => {
  it("reads the figures of the law", () => {
    expect(LAW_2016_22.answer.allowance).toEqual({ days: 20 });
    expect(LAW_2016_22.lifeOrLiberty.allowance).toEqual({ hours: 48 });
    expect(LAW_2016_22.notCompetent.allowance).toEqual({ days: 5 });
    expect(LAW_2016_22.onSiteConsultation.allowance).toEqual({ days: 10 });
    expect(LAW_2016_22.extension).toMatchObject({ allowance: { days: 10 }, max: 1 });
    expect(LAW_2016_22.appealToHead.allowance).toEqual({ days: 20 });
    expect(LAW_2016_22.headAnswer.allowance).toEqual({ days: 10 });
  });

  it("chooses the allowance from the request: 48 h first, then on-site consultation, else 20 days", () => {
    expect(answerAllowance(copy)).toEqual({ days: 20 });
    expect(answerAllowance({ lifeOrLiberty: false, accessForm: "consultation" })).toEqual({ days: 10 });
    expect(answerAllowance({ lifeOrLiberty: true, accessForm: "consultation" })).toEqual({ hours: 48 });
    expect(answerAllowance({ lifeOrLiberty: true, accessForm: "paper-copy" })).toEqual({ hours: 48 });
  });
});

describe("law 2016-22: the answer deadline", () => {
  it("20 calendar days: the day of receipt is not counted, the 20th day counts to its last millisecond", () => {
    const f = facts();
    const due = endOf(2026, 3, 21);
    expect(legalTimeline(f, tn("2026-03-01T10:00:01")).answerDueAt).toEqual(due);
    expect(legalTimeline(f, due).answer).toBe("pending");
    expect(legalTimeline(f, ms(due, 1)).answer).toBe("silence");
  });

  it("the hour of sending does not matter, the local date does (00:30 in Tunis is still the day before in UTC)", () => {
    expect(legalTimeline(facts({ submittedAt: tn("2026-03-01T00:30:00") }), tn("2026-03-02T00:00:00")).answerDueAt).toEqual(endOf(2026, 3, 21));
    expect(legalTimeline(facts({ submittedAt: tn("2026-03-01T23:59:59") }), tn("2026-03-02T00:00:00")).answerDueAt).toEqual(endOf(2026, 3, 21));
    expect(legalTimeline(facts({ submittedAt: tn("2026-02-28T23:59:59") }), tn("2026-03-02T00:00:00")).answerDueAt).toEqual(endOf(2026, 3, 20));
  });

  it("weekends and public holidays are counted; a last day on a Saturday or a holiday is not moved", () => {
    // Sent Sunday 8 March 2026: the 20th day is Saturday 28 March, not Monday 30 March.
    expect(legalTimeline(facts({ submittedAt: tn("2026-03-08T09:00:00") }), tn("2026-03-09T00:00:00")).answerDueAt).toEqual(endOf(2026, 3, 28));
    // Sent 20 March (Independence Day): the 20th day is 9 April (Martyrs' Day), kept.
    expect(legalTimeline(facts({ submittedAt: tn("2026-03-20T09:00:00") }), tn("2026-03-21T00:00:00")).answerDueAt).toEqual(endOf(2026, 4, 9));
  });

  it("on-site consultation: 10 days", () => {
    const f = facts({ payload: { lifeOrLiberty: false, accessForm: "consultation" } });
    const due = endOf(2026, 3, 11);
    expect(legalTimeline(f, due)).toMatchObject({ answerDueAt: due, answer: "pending" });
    expect(legalTimeline(f, ms(due, 1)).answer).toBe("silence");
  });

  it("life or liberty: 48 hours to the minute, whatever the day", () => {
    const f = facts({ payload: { lifeOrLiberty: true, accessForm: "paper-copy" }, submittedAt: tn("2026-03-06T22:15:00") });
    const due = tn("2026-03-08T22:15:00");
    expect(legalTimeline(f, due)).toMatchObject({ answerDueAt: due, answer: "pending" });
    expect(legalTimeline(f, ms(due, 1)).answer).toBe("silence");
  });

  it("an answer on time stops the clock: no silence afterwards", () => {
    const f = facts({ decision: { at: tn("2026-03-10T11:00:00"), outcome: "granted" } });
    expect(legalTimeline(f, tn("2026-05-01T00:00:00")).answer).toBe("answered");
  });
});

describe("law 2016-22: not competent — redirection within 5 days restarts the clock", () => {
  it("the body may redirect until the end of the 5th day after its receipt", () => {
    const f = facts();
    expect(redirectUntil(f.submittedAt)).toEqual(endOf(2026, 3, 6));
    expect(legalTimeline(f, endOf(2026, 3, 6)).canRedirect).toBe(true);
    expect(legalTimeline(f, ms(endOf(2026, 3, 6), 1)).canRedirect).toBe(false);
  });

  it("the competent body gets a full allowance from its own receipt, and its own 5 days", () => {
    const f = facts({ redirects: [tn("2026-03-04T15:00:00")] });
    const t = legalTimeline(f, tn("2026-03-05T00:00:00"));
    expect(t.receivedAt).toEqual(tn("2026-03-04T15:00:00"));
    expect(t.answerDueAt).toEqual(endOf(2026, 3, 24));
    expect(t.redirectUntil).toEqual(endOf(2026, 3, 9));
    expect(legalTimeline(f, endOf(2026, 3, 21)).answer).toBe("pending"); // the first body's deadline no longer applies
  });

  it("a second redirection restarts it again; an urgent request restarts with 48 hours", () => {
    const two = facts({ redirects: [tn("2026-03-04T15:00:00"), tn("2026-03-08T10:00:00")] });
    expect(legalTimeline(two, tn("2026-03-08T11:00:00")).answerDueAt).toEqual(endOf(2026, 3, 28));
    const urgent = facts({ payload: { lifeOrLiberty: true, accessForm: "paper-copy" }, redirects: [tn("2026-03-02T09:30:00")] });
    expect(legalTimeline(urgent, tn("2026-03-02T10:00:00")).answerDueAt).toEqual(tn("2026-03-04T09:30:00"));
  });

  it("no redirection once the body has decided", () => {
    expect(legalTimeline(facts({ decision: { at: tn("2026-03-02T10:00:00"), outcome: "refused" } }), tn("2026-03-03T10:00:00")).canRedirect).toBe(false);
  });
});

describe("law 2016-22: the +10-day extension", () => {
  it("moves the last day by 10 calendar days, once", () => {
    const before = legalTimeline(facts(), tn("2026-03-10T00:00:00"));
    expect(before.canExtend).toBe(true);
    const f = facts({ extendedAt: tn("2026-03-15T10:00:00") });
    const t = legalTimeline(f, tn("2026-03-25T00:00:00"));
    expect(t.answerDueAt).toEqual(endOf(2026, 3, 31));
    expect(t.canExtend).toBe(false);
    expect(t.answer).toBe("pending");
    expect(legalTimeline(f, ms(endOf(2026, 3, 31), 1)).answer).toBe("silence");
  });

  it("may be announced up to the last millisecond of the deadline, not after it", () => {
    expect(legalTimeline(facts(), endOf(2026, 3, 21)).canExtend).toBe(true);
    expect(legalTimeline(facts(), ms(endOf(2026, 3, 21), 1)).canExtend).toBe(false);
  });

  it("does not apply to the 48-hour rule", () => {
    expect(legalTimeline(facts({ payload: { lifeOrLiberty: true, accessForm: "extracts" } }), tn("2026-03-01T11:00:00")).canExtend).toBe(false);
  });

  it("extends the deadline of the body that holds the request after a redirection", () => {
    const f = facts({ redirects: [tn("2026-03-04T15:00:00")], extendedAt: tn("2026-03-20T10:00:00") });
    expect(legalTimeline(f, tn("2026-03-21T00:00:00")).answerDueAt).toEqual(endOf(2026, 4, 3));
  });
});

describe("law 2016-22: silence is a refusal, then the appeals", () => {
  it("after a silence the appeal to the head opens the next day and closes 20 days later", () => {
    const f = facts();
    const silence = silenceAt(endOf(2026, 3, 21));
    expect(localDateOf(silence)).toEqual({ y: 2026, m: 3, d: 22 });
    expect(legalTimeline(f, endOf(2026, 3, 21)).appealToHead).toBeNull();
    const t = legalTimeline(f, silence);
    expect(t.appealToHead).toMatchObject({ opensAt: silence, closesAt: endOf(2026, 4, 11), open: true, filedAt: null });
    expect(legalTimeline(f, endOf(2026, 4, 11)).appealToHead?.open).toBe(true);
    expect(legalTimeline(f, ms(endOf(2026, 4, 11), 1)).appealToHead?.open).toBe(false);
  });

  it("after an explicit decision: 20 days from its notification", () => {
    const f = facts({ decision: { at: tn("2026-03-10T14:00:00"), outcome: "refused" } });
    const t = legalTimeline(f, tn("2026-03-11T09:00:00"));
    expect(t.appealToHead).toMatchObject({ closesAt: endOf(2026, 3, 30), open: true });
    expect(legalTimeline(f, ms(endOf(2026, 3, 30), 1)).appealToHead?.open).toBe(false);
  });

  it("the head answers within 10 days of the appeal; silence is a refusal and opens INAI for 20 days", () => {
    const f = facts({ appeal: { filedAt: tn("2026-03-25T09:00:00"), decision: null } });
    const pending = legalTimeline(f, endOf(2026, 4, 4));
    expect(pending.appealToHead).toMatchObject({ filedAt: tn("2026-03-25T09:00:00"), answerDueAt: endOf(2026, 4, 4), answer: "pending", open: false });
    expect(pending.appealToInai).toBeNull();
    const silent = legalTimeline(f, ms(endOf(2026, 4, 4), 1));
    expect(silent.appealToHead?.answer).toBe("silence");
    expect(silent.appealToInai).toMatchObject({ closesAt: endOf(2026, 4, 25), open: true });
    expect(legalTimeline(f, ms(endOf(2026, 4, 25), 1)).appealToInai?.open).toBe(false);
  });

  it("a decision of the head opens INAI for 20 days from it", () => {
    const f = facts({ appeal: { filedAt: tn("2026-03-25T09:00:00"), decision: { at: tn("2026-04-02T12:00:00"), outcome: "refused" } } });
    const t = legalTimeline(f, tn("2026-04-03T09:00:00"));
    expect(t.appealToHead?.answer).toBe("answered");
    expect(t.appealToInai).toMatchObject({ closesAt: endOf(2026, 4, 22), open: true });
  });
});

describe("law 2016-22: properties", () => {
  const instant = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
  const payload = fc.record({ lifeOrLiberty: fc.boolean(), accessForm: fc.constantFrom(...accessForms) });

  it("a days deadline ends at the last millisecond of the local day N days after the local day of receipt", () => {
    fc.assert(
      fc.property(instant, payload, (at, p) => {
        fc.pre(!p.lifeOrLiberty);
        const t = legalTimeline(facts({ payload: p, submittedAt: at }), at);
        const days = p.accessForm === "consultation" ? 10 : 20;
        const d = localDateOf(at);
        const expected = endOfLocalDay(localDateOf(new Date(Date.UTC(d.y, d.m - 1, d.d + days, 12))));
        return t.answerDueAt.getTime() === expected.getTime();
      }),
    );
  });

  it("silence exactly when the deadline has passed without a decision; then the appeal is open", () => {
    fc.assert(
      fc.property(instant, payload, fc.integer({ min: 0, max: 40 * 86_400_000 }), (at, p, delta) => {
        const now = new Date(at.getTime() + delta);
        const t = legalTimeline(facts({ payload: p, submittedAt: at }), now);
        const late = now.getTime() > t.answerDueAt.getTime();
        return t.answer === (late ? "silence" : "pending") && (t.appealToHead !== null) === late && (!late || t.appealToHead!.open === now.getTime() <= t.appealToHead!.closesAt.getTime());
      }),
    );
  });

  it("a later receipt never gives an earlier deadline, and a redirection never shortens the request's life", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 10 * 86_400_000 }), payload, (at, delta, p) => {
        const later = new Date(at.getTime() + delta);
        const a = legalTimeline(facts({ payload: p, submittedAt: at }), at).answerDueAt;
        const b = legalTimeline(facts({ payload: p, submittedAt: later }), later).answerDueAt;
        const r = legalTimeline(facts({ payload: p, submittedAt: at, redirects: [later] }), later).answerDueAt;
        return b.getTime() >= a.getTime() && r.getTime() >= a.getTime();
      }),
    );
  });
});
