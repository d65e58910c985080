import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskName } from "./mask";

describe("maskName", () => {
  it("keeps the start of each word and hides the rest", () => {
    expect(maskName("Fatma Ben Ali")).toBe("Fa*** B** A**");
    expect(maskName("فاطمة بن علي")).toBe("فا*** ب** ع**");
  });
  it("never shows a whole word of two letters or more", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z]{2,12}$/), { minLength: 1, maxLength: 4 }), (words) => {
        const masked = maskName(words.join(" ")).split(" ");
        masked.forEach((m, i) => expect(m).not.toBe(words[i]));
      }),
    );
  });
});
