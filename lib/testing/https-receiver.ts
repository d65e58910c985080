import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export type HttpsReceiver = { origin: string; ca: Buffer; server: Server; close: () => void };

/**
 * A local HTTPS receiver on loopback, with a throw-away self-signed certificate (P-256, one day),
 * for the tests of what Idarti sends out (web push, webhooks). The senders reach it only through
 * their test-only option (`allowLoopbackForTests` and this receiver's `ca`), never by configuration.
 * `onRequest` gets the whole body, read.
 */
export async function startHttpsReceiver(onRequest: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<HttpsReceiver> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "idarti-receiver-"));
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    { stdio: "ignore" },
  );
  const ca = readFileSync(`${dir}/cert.pem`);
  const server = createServer({ key: readFileSync(`${dir}/key.pem`), cert: ca }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => onRequest(req, Buffer.concat(chunks), res));
  });
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `https://localhost:${(server.address() as AddressInfo).port}`, ca, server, close: () => server.close() };
}
