import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatLine, scrub } from "./log";

describe("the server's logger", () => {
  it("writes one JSON object with the event and the fields", () => {
    const line = formatLine("info", "housekeeping", { files: 3 }, new Date("2026-12-07T08:00:00Z"));
    expect(JSON.parse(line)).toEqual({ at: "2026-12-07T08:00:00.000Z", level: "info", event: "housekeeping", files: 3 });
    expect(line).not.toContain("\n");
  });

  it("never writes a field that names personal data", () => {
    const parsed = JSON.parse(formatLine("error", "x", { phone: "+21698123456", name: "Amel", nested: { text: "my complaint", reference: "IDR-26-ABCD-EF" } }));
    expect(parsed.phone).toBe("[redacted]");
    expect(parsed.name).toBe("[redacted]");
    expect(parsed.nested).toEqual({ text: "[redacted]", reference: "IDR-26-ABCD-EF" });
  });

  it("masks phone numbers and e-mail addresses inside an error's message", () => {
    const error = new Error('duplicate key value (phone)=(+21698123456) for amel@example.tn', { cause: new Error("98 123 456 again") });
    const parsed = JSON.parse(formatLine("error", "failed", { error }));
    expect(parsed.error.message).toBe("duplicate key value (phone)=([phone]) for [email]");
    expect(parsed.error.cause.message).toBe("[phone] again");
    expect(parsed.error.type).toBe("Error");
    expect(Array.isArray(parsed.error.stack)).toBe(true);
  });

  it("no Tunisian mobile number survives, however it is written", () => {
    const digit = fc.constantFrom(..."0123456789");
    const number = fc.tuple(fc.constantFrom("2", "4", "5", "9"), fc.array(digit, { minLength: 7, maxLength: 7 })).map(([a, rest]) => a + rest.join(""));
    const sep = fc.constantFrom("", " ", ".", "-");
    fc.assert(
      fc.property(number, sep, fc.boolean(), fc.string({ maxLength: 20 }).filter((s) => !/\d/.test(s)), (n, s, prefixed, around) => {
        const written = (prefixed ? `+216${s}` : "") + n.slice(0, 2) + s + n.slice(2, 5) + s + n.slice(5);
        const out = scrub(`${around} ${written} ${around}`);
        expect(out.replace(/\D/g, "")).not.toContain(n);
      }),
    );
  });

  it("keeps references, ids and counts readable", () => {
    expect(scrub("case IDR-26-26VY-WY moved, 12 rows")).toBe("case IDR-26-26VY-WY moved, 12 rows");
  });
});
