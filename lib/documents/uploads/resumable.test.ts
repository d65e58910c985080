import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "@/lib/db/open";
import { uploads } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { errorResponse } from "@/lib/http/edge";
import { DRAFT_KEY_HEADER, handleResumable as handle, openResumableCount, pruneResumableUploads, RESUMABLE_ENDPOINT, UPLOAD_ID_HEADER } from "./resumable";
import { listDraftUploads } from "./save";
import { filesystemStorage, type FileStorage } from "./storage";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const b64 = (s: string) => Buffer.from(s).toString("base64");

/** A body that delivers `bytes`, then — when `cut` — fails as a dropped connection does. */
/** As the route runs it: a refusal becomes the edge's error answer. */
const handleResumable = (ctx: Parameters<typeof handle>[0]) => handle(ctx).catch((e: unknown) => errorResponse(e));

function body(bytes: Uint8Array, cut: boolean): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    // Delivered first, failed on the next read (an error in the same turn would drop the queued bytes).
    pull(c) {
      if (!sent && bytes.length) {
        sent = true;
        c.enqueue(bytes);
      } else if (cut) c.error(new TypeError("network connection lost"));
      else c.close();
    },
  });
}

for (const target of testDatabases()) {
  describe(`uploads in pieces (tus) on ${target.name}`, () => {
    let database: Database;
    let storage: FileStorage;
    let root: string;
    let owner: string;
    let other: string;
    let photo: Buffer;
    const at = new Date("2026-12-07T10:00:00Z");

    beforeAll(async () => {
      database = await target.open();
      root = await mkdtemp(path.join(os.tmpdir(), "idarti-tus-"));
      storage = filesystemStorage(root);
      owner = (await makeUser(database.db)).userId;
      other = (await makeUser(database.db)).userId;
      // Noise does not compress: ~100 kB of JPEG, a dozen pieces of 8 kB.
      photo = await sharp(randomBytes(200 * 200 * 3), { raw: { width: 200, height: 200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    });
    afterAll(async () => database?.close());

    const call = (method: string, opts: { id?: string | null; headers?: Record<string, string>; body?: ReadableStream<Uint8Array>; ownerId?: string; now?: Date } = {}) =>
      handleResumable({
        request: new Request(`http://x${RESUMABLE_ENDPOINT}${opts.id ? `/${opts.id}` : ""}`, {
          method,
          headers: { "Tus-Resumable": "1.0.0", ...opts.headers },
          ...(opts.body ? { body: opts.body, duplex: "half" } : {}),
        } as RequestInit),
        id: opts.id ?? null,
        ownerId: opts.ownerId ?? owner,
        db: database.db,
        storage,
        now: opts.now ?? at,
        retentionHours: 24,
      });

    async function create(file: Uint8Array, draftKey: string, name = "scan.jpg"): Promise<string> {
      const res = await call("POST", { headers: { "Upload-Length": String(file.length), "Upload-Metadata": `filename ${b64(name)},draftKey ${b64(draftKey)},sha256 ${b64(sha(file))}` } });
      expect(res.status).toBe(201);
      return res.headers.get("location")!.split("/").pop()!;
    }

    const patch = (id: string, offset: number, bytes: Uint8Array, cut = false) =>
      call("PATCH", { id, headers: { "Content-Type": "application/offset+octet-stream", "Upload-Offset": String(offset) }, body: body(bytes, cut) });

    const offsetOf = async (id: string) => Number((await call("HEAD", { id })).headers.get("upload-offset"));

    it("resumes after a cut at any byte: the same bytes, the same SHA-256, one attachment of the form", async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: photo.length - 1 }), fc.integer({ min: 4096, max: 32 * 1024 }), async (cutAt, chunk) => {
          const draftKey = randomUUID();
          const id = await create(photo, draftKey);
          let offset = 0;
          let last: Response | null = null;
          let cut = false;
          while (offset < photo.length) {
            const end = Math.min(photo.length, offset + chunk);
            if (!cut && cutAt > offset && cutAt < end) {
              // The network drops mid-piece: what arrived is kept, and the phone asks where to go on from.
              cut = true;
              await patch(id, offset, photo.subarray(offset, cutAt), true);
              offset = await offsetOf(id);
              expect(offset).toBe(cutAt);
              continue;
            }
            last = await patch(id, offset, photo.subarray(offset, end));
            expect(last.status).toBe(204);
            offset = Number(last.headers.get("upload-offset"));
          }
          const uploadId = last!.headers.get(UPLOAD_ID_HEADER);
          const [row] = await database.db.select().from(uploads).where(eq(uploads.id, uploadId!));
          expect(row!.originalSha256).toBe(sha(photo));
          expect(row!.draftKey).toBe(draftKey);
          expect((await listDraftUploads({ db: database.db, ownerId: owner, draftKey })).map((u) => u.id)).toEqual([uploadId]);
          // A late HEAD (the answer to the last piece was lost) still says which attachment it became.
          expect((await call("HEAD", { id })).headers.get(UPLOAD_ID_HEADER)).toBe(uploadId);
          // The pieces are gone once the file is whole.
          expect(await readdir(path.join(root, "partials", owner, id)).catch(() => [])).toEqual([]);
        }),
        { numRuns: 12 },
      );
    });

    it("checks the finished file as a single upload is checked: a text renamed .jpg is refused, and nothing of it kept", async () => {
      const fake = Buffer.from("<html><script>alert(1)</script></html>".repeat(400));
      const draftKey = randomUUID();
      const id = await create(fake, draftKey, "photo.jpg");
      expect((await patch(id, 0, fake.subarray(0, 9000))).status).toBe(204);
      const res = await patch(id, 9000, fake.subarray(9000));
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: "validation", fields: { file: "Uploads.errors.typeNotAllowed" } } });
      expect(await listDraftUploads({ db: database.db, ownerId: owner, draftKey })).toEqual([]);
      expect((await call("HEAD", { id })).status).toBe(404);
      expect(await readdir(path.join(root, "partials", owner, id)).catch(() => [])).toEqual([]);
    });

    it("after a reload the form has a new key: the file finishes as an attachment of the form that sends the last piece", async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const id = await create(photo, first);
      expect((await patch(id, 0, photo.subarray(0, 5000))).status).toBe(204);
      const res = await call("PATCH", { id, headers: { "Content-Type": "application/offset+octet-stream", "Upload-Offset": "5000", [DRAFT_KEY_HEADER]: second }, body: body(photo.subarray(5000), false) });
      expect(res.status).toBe(204);
      expect((await listDraftUploads({ db: database.db, ownerId: owner, draftKey: second })).map((u) => u.id)).toEqual([res.headers.get(UPLOAD_ID_HEADER)]);
      expect(await listDraftUploads({ db: database.db, ownerId: owner, draftKey: first })).toEqual([]);
    });

    it("keeps a scanned document's slot: the finished file is that document of the form, within the per-document limit", async () => {
      const draftKey = randomUUID();
      const start = (slot: string) =>
        call("POST", { headers: { "Upload-Length": String(photo.length), "Upload-Metadata": `filename ${b64("id.jpg")},draftKey ${b64(draftKey)},slot ${b64(slot)},sha256 ${b64(sha(photo))}` } });
      const created = await start("national-id");
      expect(created.status).toBe(201);
      const id = created.headers.get("location")!.split("/").pop()!;
      const res = await patch(id, 0, photo);
      expect(res.status).toBe(204);
      const [row] = await listDraftUploads({ db: database.db, ownerId: owner, draftKey });
      expect(row).toMatchObject({ id: res.headers.get(UPLOAD_ID_HEADER), slot: "national-id" });
      // A slot that is not a document id is refused before any byte.
      expect((await start("../x")).status).toBe(400);
      // Past the per-document limit (5): refused at creation, on the file field.
      for (let i = 0; i < 4; i++) {
        const more = (await start("national-id")).headers.get("location")!.split("/").pop()!;
        expect((await patch(more, 0, photo)).status).toBe(204);
      }
      const sixth = await start("national-id");
      expect(sixth.status).toBe(422);
      expect(await sixth.json()).toMatchObject({ error: { fields: { file: "Uploads.errors.tooMany" } } });
      // Another document of the same form still has room (a submission holds 15).
      expect((await start("birth-certificate")).status).toBe(201);
    });

    it("takes a building permit's plans under its draft key, past a scanned submission's 15 files; any other key shape is refused", async () => {
      const draftKey = `permit-${randomUUID()}`;
      const start = (slot: string, name = "plan.jpg") =>
        call("POST", { headers: { "Upload-Length": String(photo.length), "Upload-Metadata": `filename ${b64(name)},draftKey ${b64(draftKey)},slot ${b64(slot)},sha256 ${b64(sha(photo))}` } });
      for (let i = 0; i < 16; i++) {
        const created = await start(`plans-${Math.floor(i / 5)}`);
        expect(created.status, `file ${i + 1}`).toBe(201);
        expect((await patch(created.headers.get("location")!.split("/").pop()!, 0, photo)).status).toBe(204);
      }
      const held = await listDraftUploads({ db: database.db, ownerId: owner, draftKey });
      expect(held).toHaveLength(16);
      expect(held.every((u) => u.slot?.startsWith("plans-"))).toBe(true);
      for (const bad of [`other-${randomUUID()}`, "permit-../x", `permit-${randomUUID()}-extra`]) {
        const res = await call("POST", { headers: { "Upload-Length": String(photo.length), "Upload-Metadata": `filename ${b64("x.jpg")},draftKey ${b64(bad)}` } });
        expect(res.status, bad).not.toBe(201);
      }
    });

    it("refuses bytes that are not the file the phone hashed", async () => {
      const id = await create(photo, randomUUID());
      const altered = Buffer.from(photo);
      altered[altered.length - 10] = altered[altered.length - 10]! ^ 0xff;
      const res = await patch(id, 0, altered);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: { fields: { file: "Uploads.errors.damaged" } } });
    });

    it("keeps each person's uploads their own, holds the offset and the size limit, and refuses without the protocol header", async () => {
      const id = await create(photo, randomUUID());
      expect((await call("HEAD", { id, ownerId: other })).status).toBe(404);
      expect((await patch(id, 5, photo.subarray(5, 10))).status).toBe(409);
      expect((await call("POST", { headers: { "Upload-Length": String(11 * 1024 * 1024), "Upload-Metadata": `draftKey ${b64(randomUUID())}` } })).status).toBe(413);
      expect((await call("POST", { headers: { "Upload-Length": "10", "Upload-Metadata": `draftKey ${b64("not-a-key")}` } })).status).toBe(422);
      const bare = await handleResumable({ request: new Request(`http://x${RESUMABLE_ENDPOINT}/${id}`, { method: "HEAD" }), id, ownerId: owner, db: database.db, storage, now: at, retentionHours: 24 });
      expect(bare.status).toBe(412);
      expect((await call("DELETE", { id })).status).toBe(204);
      expect((await call("HEAD", { id })).status).toBe(404);
    });

    it("prunes uploads that got no piece for the retention, with their partial bytes", async () => {
      const lonely = (await makeUser(database.db)).userId;
      const res = await call("POST", { ownerId: lonely, headers: { "Upload-Length": String(photo.length), "Upload-Metadata": `draftKey ${b64(randomUUID())}` } });
      const id = res.headers.get("location")!.split("/").pop()!;
      await handleResumable({
        request: new Request(`http://x${RESUMABLE_ENDPOINT}/${id}`, { method: "PATCH", headers: { "Tus-Resumable": "1.0.0", "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0" }, body: new Uint8Array(photo.subarray(0, 1000)) }),
        id,
        ownerId: lonely,
        db: database.db,
        storage,
        now: at,
        retentionHours: 24,
      });
      expect(await readdir(path.join(root, "partials", lonely, id))).toHaveLength(1);
      expect(await openResumableCount({ db: database.db, ownerId: lonely })).toBe(1);
      await pruneResumableUploads({ db: database.db, storage, before: new Date(at.getTime() + 1) });
      expect(await openResumableCount({ db: database.db, ownerId: lonely })).toBe(0);
      expect(await readdir(path.join(root, "partials", lonely, id))).toHaveLength(0);
    });
  });
}
