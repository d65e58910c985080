import "server-only";
import type * as S3 from "@aws-sdk/client-s3";
import { assertKey, type FileStorage } from "./file-storage";

/**
 * Files in an S3-compatible object store (AWS S3, MinIO, Ceph, Scaleway, OVH…), shared by every
 * app instance: the same three verbs as the filesystem adapter, keys checked the same way. The
 * SDK is loaded on first use, so an instance on the filesystem adapter never pays for it.
 */
export type S3Config = { endpoint?: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

export function s3Storage(config: S3Config): FileStorage {
  let client: Promise<{ s3: S3.S3Client; sdk: typeof S3 }> | undefined;
  const connect = () =>
    (client ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      }),
    })));
  return {
    async put(key, bytes) {
      assertKey(key);
      const { s3, sdk } = await connect();
      // One PUT: the object appears whole or not at all (S3 has no partial objects).
      await s3.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
    },
    async get(key) {
      assertKey(key);
      const { s3, sdk } = await connect();
      try {
        const out = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: key }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
      } catch (error) {
        if (error instanceof sdk.NoSuchKey || (error as { name?: string }).name === "NoSuchKey" || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async remove(key) {
      assertKey(key);
      const { s3, sdk } = await connect();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
    },
  };
}
