import { randomUUID } from "node:crypto";

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
