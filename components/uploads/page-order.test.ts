import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { move, removeAt } from "./page-order";

describe("page order", () => {
  it("moves the last page up one place", () => {
    expect(move(["a", "b", "c"], 2, -1)).toEqual({ items: ["a", "c", "b"], to: 1 });
  });
  it("moves a page down one place", () => {
    expect(move(["a", "b", "c"], 0, 1)).toEqual({ items: ["b", "a", "c"], to: 1 });
  });
  it("does nothing past either edge", () => {
    expect(move(["a", "b"], 0, -1)).toBeNull();
    expect(move(["a", "b"], 1, 1)).toBeNull();
    expect(move([], 0, 1)).toBeNull();
  });
  it("up then down gives the same list back, and the pages stay the same set", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 2, maxLength: 20 }), fc.nat(), (items, seed) => {
        const from = 1 + (seed % (items.length - 1));
        const up = move(items, from, -1)!;
        expect(up.to).toBe(from - 1);
        expect([...up.items].sort()).toEqual([...items].sort());
        expect(move(up.items, up.to, 1)!.items).toEqual(items);
      }),
    );
  });
  it("removes a page and says where the focus goes", () => {
    expect(removeAt(["a", "b", "c"], 1)).toEqual({ items: ["a", "c"], focus: 1 });
    expect(removeAt(["a", "b", "c"], 2)).toEqual({ items: ["a", "b"], focus: 1 });
    expect(removeAt(["a"], 0)).toEqual({ items: [], focus: null });
    expect(removeAt(["a"], 3)).toEqual({ items: ["a"], focus: null });
  });
});
