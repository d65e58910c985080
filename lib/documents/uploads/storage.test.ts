import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Storage } from "./s3-storage";
import { filesystemStorage, newStorageKey, type FileStorage } from "./storage";

/** What every storage adapter must do, run against each of them. */
function storageContract(name: string, make: () => FileStorage) {
  describe(`${name} storage`, () => {
    it("stores, reads and removes by key, and overwriting is allowed", async () => {
      const s = make();
      const key = newStorageKey({ extension: "jpg", now: new Date("2026-03-01T10:00:00Z") });
      expect(key).toMatch(/^uploads\/2026\/03\/[0-9a-f-]{36}\.jpg$/);
      await s.put(key, Buffer.from("abc"));
      expect((await s.get(key))?.toString()).toBe("abc");
      await expect(s.put(key, Buffer.from("again"))).resolves.toBeUndefined();
      expect((await s.get(key))?.toString()).toBe("again");
      await s.remove(key);
      expect(await s.get(key)).toBeNull();
      await expect(s.remove(key)).resolves.toBeUndefined(); // removing twice is not an error
    });

    it("keeps bytes exactly (a binary file with every byte value)", async () => {
      const s = make();
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
      const key = newStorageKey({ extension: "pdf", now: new Date() });
      await s.put(key, bytes);
      expect((await s.get(key))?.equals(bytes)).toBe(true);
    });

    it("refuses keys that could leave its folder or bucket prefix", async () => {
      const s = make();
      await expect(s.get("../etc/passwd")).rejects.toThrow(/invalid storage key/);
      await expect(s.put("uploads/../../x.jpg", Buffer.from("x"))).rejects.toThrow(/invalid storage key/);
      await expect(s.get("/etc/passwd")).rejects.toThrow(/invalid storage key/);
    });
  });
}

let root = "";
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "idarti-files-"));
});
storageContract("filesystem", () => filesystemStorage(root));

it("the filesystem adapter never leaves a partial file beside the stored one", async () => {
  const s = filesystemStorage(root);
  const key = newStorageKey({ extension: "png", now: new Date("2026-04-01T10:00:00Z") });
  await s.put(key, Buffer.from("x"));
  expect(await readdir(path.join(root, "uploads/2026/04"))).toEqual([key.split("/").at(-1)]);
});

// A local S3-compatible server (s3rver), started here on a free port: the adapter speaks real
// S3 over HTTP to it, as it would to MinIO or AWS.
let server: { close(): Promise<void> } | undefined;
let endpoint = "";
const bucket = "idarti-test";
beforeAll(async () => {
  const { default: S3rver } = await import("s3rver");
  const dir = await mkdtemp(path.join(os.tmpdir(), "idarti-s3-"));
  const instance = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = (await instance.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
  server = instance;
}, 30_000);
afterAll(async () => server?.close());
storageContract("S3-compatible", () => s3Storage({ endpoint, region: "us-east-1", bucket, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true }));
