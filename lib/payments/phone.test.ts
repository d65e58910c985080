import { describe, expect, it } from "vitest";
import { parseD17Phone } from "./phone";

describe("parseD17Phone", () => {
  it("reads the ways Tunisians write a mobile number", () => {
    for (const s of ["98123456", "98 123 456", "+216 98 123 456", "0021698123456", "٩٨١٢٣٤٥٦", "98-123-456"]) expect(parseD17Phone(s)).toBe("+21698123456");
  });
  it("refuses landlines, wrong lengths and other countries", () => {
    for (const s of ["71123456", "9812345", "981234567", "+33612345678", "", "abcdefgh"]) expect(parseD17Phone(s)).toBeNull();
  });
});
