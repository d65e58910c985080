import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { giveUpAfterMs, initialCallState, linkOf, planRoster, reduceCall, type RosterEntry } from "./call-state";

const entry = (peerId: string, userId: string, admitted = true, joinedAt = "2026-12-06T10:00:00Z"): RosterEntry => ({ peerId, userId, role: "official", name: null, admitted, joinedAt });

describe("the room's phases", () => {
  it("waits in the lobby until admitted, then is in the call; the lobby lists the others not admitted", () => {
    const lobby = reduceCall(initialCallState, { type: "roster", list: [entry("me", "u1", false), entry("x", "u2", false), entry("o", "u3")], me: "me", userId: "u1" });
    expect(lobby.phase).toBe("waiting");
    expect(lobby.waiting.map((w) => w.peerId)).toEqual(["x"]);
    const admitted = reduceCall(lobby, { type: "roster", list: [entry("me", "u1"), entry("o", "u3")], me: "me", userId: "u1" });
    expect(admitted.phase).toBe("inCall");
    expect(admitted.waiting).toEqual([]);
  });

  it("stays as it was while its own page is not in the roster yet, and hung up stays hung up", () => {
    expect(reduceCall(initialCallState, { type: "roster", list: [entry("o", "u3")], me: "me", userId: "u1" }).phase).toBe("check");
    const left = reduceCall({ ...initialCallState, phase: "inCall" }, { type: "hungUp" });
    expect(reduceCall(left, { type: "roster", list: [entry("me", "u1")], me: "me", userId: "u1" }).phase).toBe("left");
    expect(reduceCall(left, { type: "rejoin" }).phase).toBe("check");
  });

  it("says the link is being re-established while the event stream is lost, and not after", () => {
    const lost = reduceCall(initialCallState, { type: "streamLost" });
    expect(lost.notice).toBe("reconnecting");
    expect(reduceCall(lost, { type: "streamBack" }).notice).toBeNull();
    // A weak-link notice is not the stream's to clear.
    expect(reduceCall({ ...initialCallState, notice: "weakLink" }, { type: "streamBack" }).notice).toBe("weakLink");
  });

  it("keeps the last 200 chat lines", () => {
    let s = initialCallState;
    for (let i = 0; i < 250; i++) s = reduceCall(s, { type: "chat", line: { id: i, from: "me", text: String(i) } });
    expect(s.chat).toHaveLength(200);
    expect(s.chat[0]!.text).toBe("50");
  });
});

describe("who offers, who is closed", () => {
  const base = { userId: "me-user", connected: [] as { peerId: string; userId: string }[], absentSince: new Map<string, number>(), now: 1_000_000, graceMs: 10_000 };

  it("does nothing before its own page is admitted", () => {
    expect(planRoster({ ...base, me: "a", list: [entry("a", "me-user", false), entry("b", "u2")] })).toMatchObject({ close: [], offerTo: [] });
  });

  it("between two pages, exactly one offers: the one whose id sorts first", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (p, q) => {
        fc.pre(p !== q);
        const list = [entry(p, "u-p"), entry(q, "u-q")];
        const fromP = planRoster({ ...base, userId: "u-p", me: p, list }).offerTo.length;
        const fromQ = planRoster({ ...base, userId: "u-q", me: q, list }).offerTo.length;
        return fromP + fromQ === 1;
      }),
      { numRuns: 200 },
    );
  });

  it("a reloaded page replaces the old one at once: the old connection is closed, the new page offered to", () => {
    const list = [entry("a", "me-user"), entry("b-old", "u2", true, "2026-12-06T10:00:00Z"), entry("b-new", "u2", true, "2026-12-06T10:05:00Z")];
    const plan = planRoster({ ...base, me: "a", list, connected: [{ peerId: "b-old", userId: "u2" }] });
    expect(plan.close).toEqual(["b-old"]);
    expect(plan.offerTo.map((p) => p.peerId)).toEqual(["b-new"]);
  });

  it("a page that drops out of the roster keeps its connection for the grace period, then is closed", () => {
    const connected = [{ peerId: "b", userId: "u2" }];
    const first = planRoster({ ...base, me: "a", list: [entry("a", "me-user")], connected });
    expect(first.close).toEqual([]);
    expect(first.absentSince.get("b")).toBe(base.now);
    const within = planRoster({ ...base, me: "a", list: [entry("a", "me-user")], connected, absentSince: first.absentSince, now: base.now + 9_000 });
    expect(within.close).toEqual([]);
    const after = planRoster({ ...base, me: "a", list: [entry("a", "me-user")], connected, absentSince: within.absentSince, now: base.now + 10_001 });
    expect(after.close).toEqual(["b"]);
    // Back within the grace period: forgiven, and no second offer to a page already connected.
    const back = planRoster({ ...base, me: "a", list: [entry("a", "me-user"), entry("b", "u2")], connected, absentSince: within.absentSince, now: base.now + 9_500 });
    expect(back).toMatchObject({ close: [], offerTo: [] });
    expect(back.absentSince.size).toBe(0);
  });

  it("never offers to itself, to the lobby or to a page already connected", () => {
    const list = [entry("a", "me-user"), entry("a2", "me-user"), entry("b", "u2", false), entry("c", "u3")];
    expect(planRoster({ ...base, me: "a", list, connected: [{ peerId: "c", userId: "u3" }] }).offerTo).toEqual([]);
  });
});

describe("a link's state and when it is given up", () => {
  it("reads the browser's connection state", () => {
    expect(linkOf("new")).toBe("connecting");
    expect(linkOf("connecting")).toBe("connecting");
    expect(linkOf("connected")).toBe("connected");
    expect(linkOf("disconnected")).toBe("reconnecting");
    expect(linkOf("failed")).toBe("reconnecting");
    expect(linkOf("closed")).toBe("closed");
  });

  it("gives up a failed link at once and a disconnected one after 6 s", () => {
    expect(giveUpAfterMs("failed")).toBe(500);
    expect(giveUpAfterMs("disconnected")).toBe(6000);
    expect(giveUpAfterMs("connected")).toBeNull();
  });
});
