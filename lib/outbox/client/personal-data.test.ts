import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { isPersonalUrl, removePersonalData } from "./personal-data";
import { openStore, type OutboxItem } from "./store";

const item = (key: string, userId: string): OutboxItem => ({ key, userId, kind: "complaint", payload: {}, formId: "complaint", formPath: "/ar/requests/complaint/new", title: "t", createdAt: 1, attempts: 0, state: "queued" });

describe("signing out removes one person's things, not another's", () => {
  it("drafts and items of the person go; the other account's stay; items stay when kept", async () => {
    const factory = new IDBFactory();
    const store = await openStore(factory);
    await store.putDraft({ id: "alice:complaint", values: { description: "secret of alice" }, updatedAt: 1 });
    await store.putDraft({ id: "bob:complaint", values: { description: "bob" }, updatedAt: 1 });
    await store.putItem(item("k1", "alice"));
    await store.putItem(item("k2", "bob"));

    await removePersonalData({ userId: "alice", keepItems: true, factory });
    expect(await store.getDraft("alice:complaint")).toBeUndefined();
    expect((await store.listItems()).map((i) => i.key)).toEqual(["k1", "k2"]);

    await removePersonalData({ userId: "alice", keepItems: false, factory });
    expect((await store.listItems()).map((i) => i.key)).toEqual(["k2"]);
    expect(await store.getDraft("bob:complaint")).toBeDefined();
    store.close();
  });

  it("knows which cached addresses could be personal", () => {
    for (const u of ["/ar/my", "/fr/my/cases/X", "/en/account", "/ar/pay/receipt/1", "/api/v1/submissions", "/fr/staff", "/ar/sign-in/code"]) expect(isPersonalUrl(`https://idarti.tn${u}`)).toBe(true);
    for (const u of ["/ar/services", "/fr/services/all", "/en/houses/haidra", "/ar/learn", "/_next/static/x.js", "/ar/myth"]) expect(isPersonalUrl(`https://idarti.tn${u}`)).toBe(false);
  });

  it("takes the addresses of unfinished uploads (tus fingerprints) with the rest of Local Storage, and keeps the device's settings", async () => {
    const entries = new Map<string, string>([
      ["tus::idarti.upload:alice:ab12:plain::1", JSON.stringify({ metadata: { filename: "scan.jpg" }, uploadUrl: "/api/uploads/resumable/x" })],
      ["idarti.textSize", "large"],
    ]);
    const storage = {
      get length() {
        return entries.size;
      },
      key: (i: number) => [...entries.keys()][i] ?? null,
      getItem: (k: string) => entries.get(k) ?? null,
      setItem: (k: string, v: string) => void entries.set(k, v),
      removeItem: (k: string) => void entries.delete(k),
      clear: () => entries.clear(),
    };
    const saved = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    Object.defineProperty(globalThis, "localStorage", { value: storage, configurable: true });
    try {
      await removePersonalData({ userId: "alice", keepItems: false, factory: new IDBFactory() });
      expect([...entries.keys()]).toEqual(["idarti.textSize"]);
    } finally {
      if (saved) Object.defineProperty(globalThis, "localStorage", saved);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
