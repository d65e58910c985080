import { describe, expect, it } from "vitest";
import { publishedSlot } from "./published";

describe("a published slot", () => {
  it("answers the data files until something is published, what was published after, and the files again when cleared", () => {
    const slot = publishedSlot("test-kind", () => ["file"]);
    expect(slot.get()).toEqual(["file"]);
    slot.set(["published"]);
    expect(slot.get()).toEqual(["published"]);
    slot.set(undefined);
    expect(slot.get()).toEqual(["file"]);
  });

  it("is shared by every copy of a module that asks for the same name (one per route bundle), not by other names", () => {
    const a = publishedSlot("test-shared", () => 0);
    const b = publishedSlot("test-shared", () => 0);
    const other = publishedSlot("test-other", () => 0);
    a.set(7);
    expect(b.get()).toBe(7);
    expect(other.get()).toBe(0);
    a.set(undefined);
  });
});
