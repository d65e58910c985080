import { describe, expect, it } from "vitest";
import { createContentSync } from "./sync";

/** Two app instances on one database: each its own snapshot and its own pages. */
function world() {
  const db = { revision: 1, content: "v1" };
  const instance = () => {
    const state = { snapshot: null as string | null, pages: "v1", loads: 0, revalidations: 0 };
    const sync = createContentSync<string>({
      readRevision: async () => db.revision,
      load: async () => {
        state.loads++;
        await new Promise((r) => setTimeout(r, 5));
        return { revision: db.revision, snapshot: db.content, fingerprint: db.content };
      },
      apply: (s) => {
        state.snapshot = s;
      },
      revalidate: () => {
        state.revalidations++;
      },
      pages: { get: () => state.pages, set: (f) => (state.pages = f) },
    });
    return { state, sync };
  };
  const publish = (content: string) => {
    db.content = content;
    db.revision += 1;
  };
  return { instance, publish };
}

describe("content sync between instances", () => {
  it("loads at start without revalidating pages that already show the content", async () => {
    const w = world();
    const a = w.instance();
    expect(await a.sync.check({ revalidate: false })).toEqual({ reloaded: true, revalidated: false, revision: 1 });
    expect(a.state.snapshot).toBe("v1");
    expect(await a.sync.check()).toEqual({ reloaded: false, revalidated: false, revision: 1 });
    expect(a.state.revalidations).toBe(0);
  });

  it("the other instance sees a publish at its next check, reloads and revalidates its own pages once", async () => {
    const w = world();
    const a = w.instance();
    const b = w.instance();
    await a.sync.check();
    await b.sync.check();
    w.publish("v2");
    await a.sync.check();
    expect(a.state).toMatchObject({ snapshot: "v2", pages: "v2", revalidations: 1 });
    // B has not checked yet: it still serves v1.
    expect(b.state.snapshot).toBe("v1");
    expect(await b.sync.check()).toEqual({ reloaded: true, revalidated: true, revision: 2 });
    expect(b.state).toMatchObject({ snapshot: "v2", pages: "v2", revalidations: 1 });
    // Nothing moved: one integer read, no load, no revalidation.
    const loads = b.state.loads;
    expect(await b.sync.check()).toEqual({ reloaded: false, revalidated: false, revision: 2 });
    expect(b.state.loads).toBe(loads);
  });

  it("a check made with the caller's own revalidation uses it, not the one the object was made with", async () => {
    const w = world();
    const a = w.instance();
    await a.sync.check({ revalidate: false });
    w.publish("v2");
    let own = 0;
    expect(await a.sync.check({ revalidateWith: () => void own++ })).toEqual({ reloaded: true, revalidated: true, revision: 2 });
    expect({ own, theirs: a.state.revalidations, pages: a.state.pages }).toEqual({ own: 1, theirs: 0, pages: "v2" });
  });

  it("a start on a database that differs from the build's pages revalidates at the first check in a request", async () => {
    const w = world();
    w.publish("v2");
    const b = w.instance(); // its pages were built from the data files (v1)
    await b.sync.check({ revalidate: false });
    expect(b.state).toMatchObject({ snapshot: "v2", pages: "v1", revalidations: 0 });
    expect(await b.sync.check()).toEqual({ reloaded: false, revalidated: true, revision: 2 });
    expect(b.state.pages).toBe("v2");
  });

  it("checks asked at the same time run one after the other and end on the last publish", async () => {
    const w = world();
    const a = w.instance();
    await a.sync.check();
    w.publish("v2");
    const first = a.sync.check();
    w.publish("v3");
    const second = a.sync.check();
    await Promise.all([first, second]);
    expect(a.state.snapshot).toBe("v3");
    expect(a.state.pages).toBe("v3");
  });

  it("a failed load leaves the old snapshot and is tried again", async () => {
    const w = world();
    const a = w.instance();
    await a.sync.check();
    w.publish("v2");
    let fail = true;
    const flaky = createContentSync<string>({
      readRevision: async () => 2,
      load: async () => {
        if (fail) throw new Error("database down");
        return { revision: 2, snapshot: "v2", fingerprint: "v2" };
      },
      apply: (s) => (a.state.snapshot = s),
      revalidate: () => undefined,
      pages: { get: () => "v1", set: () => undefined },
    });
    await expect(flaky.check()).rejects.toThrow("database down");
    expect(a.state.snapshot).toBe("v1");
    fail = false;
    expect((await flaky.check()).reloaded).toBe(true);
    expect(a.state.snapshot).toBe("v2");
  });
});
