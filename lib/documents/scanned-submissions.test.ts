import { describe, expect, it } from "vitest";
import type { InspectedUpload } from "./uploads/inspect";
import { newFiles } from "./scanned-submissions";

const file = (sha256: string) => ({ sha256 }) as InspectedUpload;

describe("a scanned submission's files, nothing twice", () => {
  it("skips a file already held for the same document, and a file chosen twice; the same bytes for another document count", () => {
    const chosen = [
      { slot: "cin", file: file("a") },
      { slot: "cin", file: file("b") },
      { slot: "cin", file: file("b") },
      { slot: "last-bill", file: file("a") },
    ];
    expect(newFiles(chosen, [{ slot: "cin", sha256: "a" }]).map((c) => `${c.slot}:${c.file.sha256}`)).toEqual(["cin:b", "last-bill:a"]);
  });
});
