import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesystemStorage, newStorageKey } from "./storage";

describe("filesystem storage", () => {
  it("stores, reads and removes by key, and never leaves a partial file", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "idarti-files-"));
    const s = filesystemStorage(root);
    const key = newStorageKey({ extension: "jpg", now: new Date("2026-03-01T10:00:00Z") });
    expect(key).toMatch(/^uploads\/2026\/03\/[0-9a-f-]{36}\.jpg$/);
    await s.put(key, Buffer.from("abc"));
    expect((await s.get(key))?.toString()).toBe("abc");
    expect(await readdir(path.join(root, "uploads/2026/03"))).toHaveLength(1);
    await expect(s.put(key, Buffer.from("again"))).resolves.toBeUndefined();
    await s.remove(key);
    expect(await s.get(key)).toBeNull();
  });

  it("refuses keys that could leave its folder", async () => {
    const s = filesystemStorage(os.tmpdir());
    await expect(s.get("../etc/passwd")).rejects.toThrow(/invalid storage key/);
    await expect(s.put("uploads/../../x.jpg", Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
    await expect(s.get("/etc/passwd")).rejects.toThrow(/invalid storage key/);
  });
});
