import "server-only";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { assertKey, type FileStorage } from "./file-storage";
import { s3Storage } from "./s3-storage";

export { assertKey, newStorageKey, type FileStorage } from "./file-storage";

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

/** The configured storage: STORAGE_DRIVER=s3 for several instances, else this machine's disk. */
export function getStorage(): FileStorage {
  storage ??= storageFor(env());
  return storage;
}

function storageFor(e: ReturnType<typeof env>): FileStorage {
  if (e.STORAGE_DRIVER !== "s3") return filesystemStorage(e.FILES_DIR);
  // lib/env.ts refuses s3 without a bucket and keys.
  return s3Storage({ endpoint: e.S3_ENDPOINT, region: e.S3_REGION, bucket: e.S3_BUCKET!, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY!, forcePathStyle: e.S3_FORCE_PATH_STYLE });
}

/**
 * Readiness of the file store: a small file written, read back and removed (a full disk, a
 * read-only mount or a bucket without write rights all fail here, before a citizen's upload does).
 */
export async function probeStorage(store: FileStorage = getStorage()): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now();
  const key = `health/probe-${randomUUID()}.txt`;
  const bytes = Buffer.from(key);
  try {
    await store.put(key, bytes);
    const back = await store.get(key);
    await store.remove(key);
    const ok = back !== null && back.equals(bytes);
    return { ok, ms: Math.round(performance.now() - started), ...(ok ? {} : { error: "storage-mismatch" }) };
  } catch (error) {
    const code = (error as { code?: unknown; name?: unknown }).code ?? (error as { name?: unknown }).name;
    return { ok: false, ms: Math.round(performance.now() - started), error: typeof code === "string" ? `storage-${code}` : "storage-failed" };
  }
}
