import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { auditLog, caseEvents, cases, partnerApiKeys } from "@/lib/db/schema";
import { submitCase } from "@/lib/cases/engine";
import { makeUser, testDatabases } from "@/lib/testing/db";
import type { Actor } from "@/lib/auth/roles";

// The route wrapper reads the app's database: here, the test's.
const holder: { database?: Database } = {};
vi.mock("@/lib/db/client", () => ({ getDb: async () => holder.database! }));
// Deliveries are the dispatcher's business, tested on its own.
vi.mock("@/lib/notifications/runner", () => ({ nudgeDispatcher: () => {} }));

const { createApiKey, revokeApiKey, authenticate, hashKey } = await import("./keys");
const { partnerRoute } = await import("./server");
const { changeCaseStatus, getCase, listCases, replyToCase } = await import("./cases");
const { operations, commonErrors } = await import("./contract");
const { openApiDocument } = await import("./openapi");
const { decodeCursor, encodeCursor, parseKey } = await import("./key-format");

const all = ["cases:read", "cases:write", "bookings:read", "payments:confirm"] as const;

// A database of its own: other test files route cases to the same bodies on the shared PostgreSQL, and the paging test counts them.
describe.each(testDatabases({ isolated: true }))("partner API on $name", ({ open }) => {
  let database: Database;
  let admin: Actor;
  let citizen: Actor;
  let refA: string;
  let refB: string;
  const keys: Record<string, { id: string; secret: string }> = {};

  beforeAll(async () => {
    database = await open();
    holder.database = database;
    const { db } = database;
    admin = await makeUser(db, { role: "admin" });
    citizen = await makeUser(db);
    const now = new Date();
    const ask = (bodyId: string) => submitCase({ db, kind: "question", payload: { bodyId, subject: "Compteur", question: "Quand le compteur sera-t-il posé ?" }, citizen, locale: "fr-TN", now });
    refA = (await ask("steg")).reference;
    await ask("steg");
    refB = (await ask("sonede")).reference;
    const make = async (name: string, bodyId: string, scopes: readonly (typeof all)[number][], perMinute = 600) => {
      const { key, secret } = await createApiKey({ db, actor: admin, bodyId, label: name, scopes, perMinute, now });
      keys[name] = { id: key.id, secret };
    };
    await make("steg", "steg", all);
    await make("sonede", "sonede", all);
    await make("readOnly", "steg", ["cases:read"]);
    await make("limited", "steg", all, 2);
  });
  afterAll(async () => database.close());

  const req = (path: string, key: string | null, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
    new Request(`http://localhost${path}`, { method: init.method ?? "GET", body: init.body, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...init.headers } });
  const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
  const get = partnerRoute("getCase", getCase);
  const list = partnerRoute("listCases", listCases);
  const reply = partnerRoute("replyToCase", replyToCase);
  const status = partnerRoute("changeCaseStatus", changeCaseStatus);

  it("keeps only the SHA-256 of a key, and finds it by its prefix", async () => {
    const { db } = database;
    const [row] = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.id, keys.steg!.id));
    expect(keys.steg!.secret).toMatch(/^idk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(row!.secretHash).toBe(createHash("sha256").update(keys.steg!.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(keys.steg!.secret.split("_")[2]);
    expect((await authenticate(db, `Bearer ${keys.steg!.secret}`))?.id).toBe(keys.steg!.id);
    // The right prefix with another secret: nobody.
    const forged = keys.steg!.secret.slice(0, -4) + "AAAA";
    expect(hashKey(forged)).not.toBe(row!.secretHash);
    expect(await authenticate(db, `Bearer ${forged}`)).toBeNull();
    expect(await authenticate(db, null)).toBeNull();
    expect(parseKey("Basic abc")).toBeNull();
  });

  it("answers 401 without a key, 403 outside the key's scopes", async () => {
    const none = await list(req("/api/v1/cases", null));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(await none.json()).toEqual({ error: { code: "unauthenticated" } });
    const scoped = await reply(req(`/api/v1/cases/${refA}/replies`, keys.readOnly!.secret, { method: "POST", body: JSON.stringify({ message: "Bonjour" }) }), params({ reference: refA }));
    expect(scoped.status).toBe(403);
  });

  it("never lets body A's key read or write body B's cases: 404, and nothing written", async () => {
    const { db } = database;
    const a = keys.steg!.secret;
    expect((await get(req(`/api/v1/cases/${refB}`, a), params({ reference: refB }))).status).toBe(404);
    const [before] = await db.select({ version: cases.version }).from(cases).where(eq(cases.reference, refB));
    const writes = [
      await reply(req("/x", a, { method: "POST", body: JSON.stringify({ message: "Intrus" }) }), params({ reference: refB })),
      await status(req("/x", a, { method: "POST", body: JSON.stringify({ to: "inProgress" }) }), params({ reference: refB })),
    ];
    expect(writes.map((r) => r.status)).toEqual([404, 404]);
    const [after] = await db.select({ version: cases.version }).from(cases).where(eq(cases.reference, refB));
    expect(after!.version).toBe(before!.version);
    const page = await (await list(req("/api/v1/cases", a))).json();
    expect(page.items.map((c: { reference: string }) => c.reference)).toContain(refA);
    expect(page.items.map((c: { reference: string }) => c.reference)).not.toContain(refB);
    expect((await get(req(`/api/v1/cases/${refB}`, keys.sonede!.secret), params({ reference: refB }))).status).toBe(200);
  });

  it("pages with a cursor, and refuses a bad page size or cursor field by field", async () => {
    const a = keys.steg!.secret;
    const first = await (await list(req("/api/v1/cases?limit=1", a))).json();
    expect(first.items).toHaveLength(1);
    const second = await (await list(req(`/api/v1/cases?limit=1&cursor=${first.nextCursor}`, a))).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].reference).not.toBe(first.items[0].reference);
    expect(second.nextCursor).toBeNull();
    const bad = await list(req("/api/v1/cases?limit=500", a));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty("limit");
    expect((await list(req("/api/v1/cases?cursor=zzz", a))).status).toBe(422);
    const at = new Date("2026-03-01T10:00:00Z");
    expect(decodeCursor(encodeCursor(at, "0b7f0ae2-1a8c-4c55-8d3c-8a3c2e1f6a10"))).toEqual({ at, id: "0b7f0ae2-1a8c-4c55-8d3c-8a3c2e1f6a10" });
  });

  it("moves a case only through its machine, as the body's staff without a person: the event has no actor id, the audit names the key", async () => {
    const { db } = database;
    const a = keys.steg!.secret;
    const refused = await status(req("/x", a, { method: "POST", body: JSON.stringify({ to: "answered" }) }), params({ reference: refA }));
    // The question's "answered" needs a message: a field error, nothing written.
    expect(refused.status).toBe(422);
    const unknown = await status(req("/x", a, { method: "POST", body: JSON.stringify({ to: "archived" }) }), params({ reference: refA }));
    expect(unknown.status).toBe(409);
    const moved = await status(req("/x", a, { method: "POST", body: JSON.stringify({ to: "inProgress" }) }), params({ reference: refA }));
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ reference: refA, status: "inProgress" });
    const [c] = await db.select().from(cases).where(eq(cases.reference, refA));
    const [event] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.type, "statusChanged")));
    expect(event).toMatchObject({ actorId: null, actorRole: "official", actorBodyId: "steg", toStatus: "inProgress" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "case.transition"), eq(auditLog.subjectId, refA)));
    expect(audit!.actorId).toBeNull();
    expect(audit!.detail).toMatchObject({ apiKeyId: keys.steg!.id, to: "inProgress" });
  });

  it("honours Idempotency-Key: a replay gets the first answer and adds nothing; the key with another request is 409", async () => {
    const { db } = database;
    const a = keys.steg!.secret;
    const headers = { "idempotency-key": "reply-0001-abcdefgh" };
    const send = (message: string) => reply(req("/x", a, { method: "POST", body: JSON.stringify({ message }), headers }), params({ reference: refA }));
    const first = await send("Le technicien passe jeudi.");
    expect(first.status).toBe(201);
    const again = await send("Le technicien passe jeudi.");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect((await send("Autre chose")).status).toBe(409);
    const [c] = await db.select().from(cases).where(eq(cases.reference, refA));
    const replies = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c!.id), eq(caseEvents.type, "reply")));
    expect(replies).toHaveLength(1);
    // Not JSON: 400; not the shape: 422 on the field.
    expect((await reply(req("/x", a, { method: "POST", body: "{" }), params({ reference: refA }))).status).toBe(400);
    const empty = await reply(req("/x", a, { method: "POST", body: JSON.stringify({ message: " " }) }), params({ reference: refA }));
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.fields).toEqual({ message: "Cases.errors.messageRequired" });
  });

  it("limits each key per rolling minute: 429 with Retry-After; other keys go on", async () => {
    const l = keys.limited!.secret;
    expect((await list(req("/api/v1/cases", l))).status).toBe(200);
    expect((await list(req("/api/v1/cases", l))).status).toBe(200);
    const third = await list(req("/api/v1/cases", l));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(third.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await list(req("/api/v1/cases", keys.steg!.secret))).status).toBe(200);
  });

  it("audits every call of a known key with the operation and the status; a revoked key is refused at once", async () => {
    const { db } = database;
    const r = keys.readOnly!;
    expect((await list(req("/api/v1/cases", r.secret))).status).toBe(200);
    await revokeApiKey({ db, actor: admin, id: r.id, now: new Date() });
    expect((await list(req("/api/v1/cases", r.secret))).status).toBe(401);
    const rows = await db.select().from(auditLog).where(eq(auditLog.subjectId, r.id));
    const calls = rows.filter((x) => x.action.startsWith("partnerApi.") && x.action !== "partnerApi.keyCreated" && x.action !== "partnerApi.keyRevoked");
    expect(calls.map((x) => [x.action, (x.detail as { status: number }).status])).toEqual(
      expect.arrayContaining([
        ["partnerApi.replyToCase", 403],
        ["partnerApi.listCases", 200],
      ]),
    );
    expect(rows.map((x) => x.action)).toEqual(expect.arrayContaining(["partnerApi.keyCreated", "partnerApi.keyRevoked"]));
    const limited = await db.select().from(auditLog).where(eq(auditLog.subjectId, keys.limited!.id));
    expect(limited.some((x) => (x.detail as { status: number }).status === 429)).toBe(true);
  });

  it("only lets admins create or revoke keys", async () => {
    const agent = await makeUser(database.db, { role: "agent", bodyId: "steg" });
    await expect(createApiKey({ db: database.db, actor: agent, bodyId: "steg", label: "x", scopes: all, perMinute: 1, now: new Date() })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiKey({ db: database.db, actor: agent, id: keys.steg!.id, now: new Date() })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the OpenAPI document and the routes share one list of operations", () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };

  it("documents every operation with its success and every error answer", () => {
    for (const op of operations) {
      const documented = doc.paths[op.path]?.[op.method];
      expect(documented?.operationId).toBe(op.id);
      expect(Object.keys(documented!.responses).map(Number).sort()).toEqual([op.success.status, ...op.errors, ...commonErrors].sort());
    }
    // Every reference points at a schema of the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
  });

  it("has a route file for each operation that runs it through partnerRoute with its method", () => {
    for (const op of operations) {
      const file = `app${op.path.replace("{reference}", "[reference]")}/route.ts`;
      expect(existsSync(file), file).toBe(true);
      const source = readFileSync(file, "utf8");
      expect(source, file).toMatch(new RegExp(`export const ${op.method.toUpperCase()} = edge\\(\\{ origin: "any"[^)]*\\}, partnerRoute\\("${op.id}"`));
    }
  });
});
