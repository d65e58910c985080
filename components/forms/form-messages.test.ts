import { describe, expect, it } from "vitest";
import { pickMessages } from "./form-messages";

describe("pickMessages", () => {
  const all = { A: { errors: { x: "1" }, title: "t" }, B: { c: { d: "2" } }, Forms: { s: "3" } };

  it("keeps only the listed paths, in the same shape", () => {
    expect(pickMessages(all, ["A.errors", "Forms", "Missing.errors"])).toEqual({ A: { errors: { x: "1" } }, Forms: { s: "3" } });
  });

  it("never writes into the messages it reads from", () => {
    const before = JSON.stringify(all);
    pickMessages(all, ["B", "B.c.d", "A.errors", "A"]);
    expect(JSON.stringify(all)).toBe(before);
  });
});
