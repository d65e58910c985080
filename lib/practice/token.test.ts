import { describe, expect, it } from "vitest";
import { isPracticeReference, signPracticeToken, verifyPracticeToken } from "./token";

const id = "0b9d3c2e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

describe("practice token", () => {
  it("names the run it was signed for, and nothing else", () => {
    const token = signPracticeToken(id, "secret-one-secret-one-secret-one!");
    expect(verifyPracticeToken(token, "secret-one-secret-one-secret-one!")).toBe(id);
    expect(verifyPracticeToken(token, "another-secret-another-secret-xx")).toBeNull();
    expect(verifyPracticeToken(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), "secret-one-secret-one-secret-one!")).toBeNull();
    expect(verifyPracticeToken(`${"1".repeat(8)}-0000-0000-0000-000000000000.${token.split(".")[1]}`, "secret-one-secret-one-secret-one!")).toBeNull();
    expect(verifyPracticeToken(undefined, "x")).toBeNull();
    expect(verifyPracticeToken("nope", "x")).toBeNull();
  });
  it("tells practice references from real ones", () => {
    expect(isPracticeReference("PRACTICE-7K3F-9Q2M")).toBe(true);
    expect(isPracticeReference("PAY-7K3F-9Q2M")).toBe(false);
    expect(isPracticeReference("IDR-26-7K3F-9Q")).toBe(false);
  });
});
