import { describe, expect, it } from "vitest";
import { isUniqueViolation, pgErrorOf } from "./errors";

const violation = (fields: { constraint?: string; message?: string; detail?: string }) => Object.assign(new Error(fields.message ?? "duplicate key"), { code: "23505", ...fields });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: insert …"), { cause });

describe("database errors, the same on PGlite and PostgreSQL", () => {
  it("finds the PostgreSQL error behind drizzle's wrapping", () => {
    expect(pgErrorOf(wrapped(violation({ constraint: "x_uq" })))).toEqual({ code: "23505", constraint: "x_uq" });
    expect(pgErrorOf(new Error("network"))).toBeNull();
  });

  it("names the constraint from the driver's field, or from the message when PGlite leaves it out", () => {
    expect(isUniqueViolation(wrapped(violation({ constraint: "payment_items_in_flight_uq" })), "payment_items_in_flight_uq")).toBe(true);
    expect(isUniqueViolation(wrapped(violation({ message: 'duplicate key value violates unique constraint "payment_items_in_flight_uq"' })), "payment_items_in_flight_uq")).toBe(true);
    expect(isUniqueViolation(violation({}))).toBe(true);
  });

  it("never takes another (or an unnamed) violation for the named one", () => {
    expect(isUniqueViolation(violation({ constraint: "payments_idem_uq" }), "payment_items_in_flight_uq")).toBe(false);
    // The payments copy said yes here, so any race looked like "bill in flight".
    expect(isUniqueViolation(wrapped(violation({ message: "duplicate key value violates unique constraint" })), "payment_items_in_flight_uq")).toBe(false);
    expect(isUniqueViolation(violation({ message: 'unique constraint "interview_holds_pk_2"' }), "interview_holds_pk")).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("x"), { code: "23503" }), "a")).toBe(false);
  });
});
