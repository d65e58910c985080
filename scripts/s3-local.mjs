// A local S3-compatible server for CI's two-instance pass (scripts/ci-postgres.sh): both app
// instances keep their files in it, as they would in MinIO or AWS S3 behind a load balancer.
//   node scripts/s3-local.mjs PORT BUCKET   (runs until stopped)
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

const port = Number(process.argv[2] ?? 4569);
const bucket = process.argv[3] ?? "idarti";
const directory = mkdtempSync(path.join(os.tmpdir(), "idarti-s3-"));
const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
await server.run();
console.info(`S3-compatible store on http://127.0.0.1:${port} (bucket ${bucket})`);
const stop = () => server.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
