import "server-only";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Where attachment bytes live. The filesystem adapter is the default (./data/files); an
 * S3-compatible adapter implements the same three verbs. Keys are ours, never a citizen's
 * file name: `uploads/2026/03/<uuid>.jpg`.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z0-9]{1,5}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`invalid storage key ${key}`);
}

export function newStorageKey(opts: { extension: string; now: Date }): string {
  const y = opts.now.getUTCFullYear();
  const m = String(opts.now.getUTCMonth() + 1).padStart(2, "0");
  return `uploads/${y}/${m}/${randomUUID()}.${opts.extension}`;
}

export function filesystemStorage(root: string): FileStorage {
  const full = (key: string) => {
    assertKey(key);
    return path.join(path.resolve(root), key);
  };
  return {
    async put(key, bytes) {
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside, then renamed: a reader never sees half a file.
      const temp = `${target}.${randomUUID()}.part`;
      await writeFile(temp, bytes, { flag: "wx", mode: 0o640 });
      await rename(temp, target);
    },
    async get(key) {
      try {
        return await readFile(full(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(full(key), { force: true });
    },
  };
}

let storage: FileStorage | undefined;

export function getStorage(): FileStorage {
  storage ??= filesystemStorage(env().FILES_DIR);
  return storage;
}
