import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canMove, holdsBills, isFinal, pathTo, paymentStates, type PaymentState } from "./states";

const rank: Record<PaymentState, number> = { created: 0, pending: 1, paid: 2, declined: 2, expired: 2, refunded: 3 };

describe("payment state machine", () => {
  it("never moves backwards, whatever sequence of news arrives", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...paymentStates), { maxLength: 30 }), (news) => {
        let state: PaymentState = "created";
        const seen: PaymentState[] = [state];
        for (const target of news) {
          for (const step of pathTo(state, target)) {
            expect(canMove(state, step)).toBe(true);
            expect(rank[step]).toBeGreaterThan(rank[state]);
            state = step;
            seen.push(state);
          }
        }
        // Each state is entered at most once (the ledger's unique index relies on it).
        expect(new Set(seen).size).toBe(seen.length);
      }),
    );
  });

  it("final states never become another final state", () => {
    for (const a of ["paid", "declined", "expired"] as const)
      for (const b of ["paid", "declined", "expired"] as const) expect(pathTo(a, b)).toEqual([]);
  });

  it("reaches refunded through paid", () => {
    expect(pathTo("pending", "refunded")).toEqual(["paid", "refunded"]);
    expect(pathTo("paid", "refunded")).toEqual(["refunded"]);
    expect(pathTo("refunded", "paid")).toEqual([]);
  });

  it("releases bills only when no money can have moved for them", () => {
    expect(paymentStates.filter(holdsBills)).toEqual(["created", "pending", "paid"]);
    expect(paymentStates.filter(isFinal)).toEqual(["paid", "declined", "expired", "refunded"]);
  });
});
