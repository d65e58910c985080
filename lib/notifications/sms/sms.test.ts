import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { httpDriver, isGsm7 } from "./http-driver";
import { outboxDriver, readOutbox } from "./outbox-driver";
import { testDatabases } from "@/lib/testing/databases";
import type { Database } from "@/lib/db/open";

/** A stand-in gateway: records what it receives and answers what the test asks. */
let server: Server;
let url = "";
let answer: { status: number; delayMs?: number } = { status: 200 };
const received: { headers: IncomingMessage["headers"]; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(data) });
      setTimeout(() => res.writeHead(answer.status).end("{}"), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const config = () => ({
  url,
  token: "secret-token",
  sender: "Idarti",
  templates: { "ar-TN": "إدارتي: {text}", "fr-TN": "{text} (Idarti)", en: "{text}" },
  timeoutMs: 5000,
});

describe("the http SMS driver", () => {
  it("posts the message with the bearer token and the template of its language", async () => {
    answer = { status: 202 };
    received.length = 0;
    await httpDriver(config()).send({ to: "+21698123456", text: "رمز التحقق 123456", locale: "ar-TN", ref: "abc" });
    await httpDriver(config()).send({ to: "+21655123456", text: "Code 123456", locale: "fr-TN" });
    expect(received[0]!.headers.authorization).toBe("Bearer secret-token");
    expect(received[0]!.body).toEqual({ to: "+21698123456", text: "إدارتي: رمز التحقق 123456", sender: "Idarti", language: "ar", encoding: "ucs2" });
    expect(received[1]!.body).toMatchObject({ text: "Code 123456 (Idarti)", language: "fr", encoding: "gsm7" });
    expect(JSON.stringify(received[0]!.body)).not.toContain("abc");
  });

  it("throws AppError(unavailable) on an error answer, a timeout or no gateway", async () => {
    answer = { status: 500 };
    await expect(httpDriver(config()).send({ to: "+21698123456", text: "x", locale: "en" })).rejects.toMatchObject({ name: "AppError", code: "unavailable" });
    answer = { status: 200, delayMs: 1500 };
    await expect(httpDriver({ ...config(), timeoutMs: 200 }).send({ to: "+21698123456", text: "x", locale: "en" })).rejects.toMatchObject({ code: "unavailable" });
    await expect(httpDriver({ ...config(), url: "http://127.0.0.1:1/none" }).send({ to: "+21698123456", text: "x", locale: "en" })).rejects.toMatchObject({ code: "unavailable" });
  });

  it("knows which texts fit GSM 7-bit", () => {
    expect(isGsm7("Votre code est 123456, valable 5 minutes.")).toBe(true);
    expect(isGsm7("Réessayez à 10h, Ça va")).toBe(true);
    expect(isGsm7("Prêt")).toBe(false); // «ê» is not in the GSM alphabet
    expect(isGsm7("رمز")).toBe(false);
  });
});

for (const target of testDatabases()) {
  describe(`the outbox SMS driver on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    it("stores messages and lists them newest first, by number", async () => {
      const driver = outboxDriver(async () => database.db);
      const to = `+2169${String(Date.now() % 10_000_000).padStart(7, "0")}`;
      await driver.send({ to, text: "first", locale: "ar-TN", ref: "r1" });
      await new Promise((r) => setTimeout(r, 5));
      await driver.send({ to, text: "second", locale: "ar-TN" });
      const rows = await readOutbox(database.db, { to });
      expect(rows.map((r) => [r.text, r.ref])).toEqual([
        ["second", null],
        ["first", "r1"],
      ]);
    });
  });
}
