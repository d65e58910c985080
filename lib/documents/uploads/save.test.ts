import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "@/lib/db/open";
import { users } from "@/lib/db/schema";
import { submitCase } from "@/lib/cases/engine";
import { inspectUpload, type InspectedUpload } from "./inspect";
import { attachDraftUploads, listCaseUploads, listDraftUploads, removeDraftUpload, saveUpload } from "./save";
import { filesystemStorage, type FileStorage } from "./storage";
import { testDatabases } from "@/lib/testing/db";

const targets = testDatabases();

for (const target of targets) {
  describe(`saving attachments on ${target.name}`, () => {
    let database: Database;
    let storage: FileStorage;
    let file: InspectedUpload;
    let citizen: string;
    beforeAll(async () => {
      database = await target.open();
      storage = filesystemStorage(await mkdtemp(path.join(os.tmpdir(), "idarti-up-")));
      file = await inspectUpload(await sharp({ create: { width: 20, height: 20, channels: 3, background: "#f00" } }).jpeg().toBuffer(), { name: "a.jpg" });
      const [u] = await database.db.insert(users).values({ phone: `+2165${String(randomInt(0, 1e7)).padStart(7, "0")}` }).returning();
      citizen = u!.id;
    });
    afterAll(async () => database?.close());

    it("keeps at most 5 files per form, then attaches them to the case when it is sent", async () => {
      const draftKey = randomUUID();
      const now = new Date();
      const saved = [];
      for (let i = 0; i < 5; i++) saved.push(await saveUpload({ db: database.db, storage, ownerId: citizen, uploadedBy: citizen, target: { draftKey }, file, now }));
      expect((await storage.get(saved[0]!.storageKey))?.equals(file.bytes)).toBe(true);
      expect(saved[0]!.sha256).toBe(file.sha256);
      await expect(saveUpload({ db: database.db, storage, ownerId: citizen, uploadedBy: citizen, target: { draftKey }, file, now })).rejects.toMatchObject({
        code: "validation",
        fields: { file: "Uploads.errors.tooMany" },
      });
      // Taking one back frees a place and deletes its bytes.
      await removeDraftUpload({ db: database.db, storage, ownerId: citizen, id: saved[4]!.id, now });
      expect(await storage.get(saved[4]!.storageKey)).toBeNull();
      expect(await listDraftUploads({ db: database.db, ownerId: citizen, draftKey })).toHaveLength(4);
      const { id: caseId } = await submitCase({
        db: database.db,
        kind: "complaint",
        payload: { bodyId: "steg", category: "billing", description: "The bill counts a month twice." },
        citizen: { userId: citizen, role: "citizen" },
        locale: "ar-TN",
        now,
      });
      expect(await attachDraftUploads({ db: database.db, ownerId: citizen, draftKey, caseId })).toBe(4);
      expect(await listDraftUploads({ db: database.db, ownerId: citizen, draftKey })).toHaveLength(0);
      expect(await listCaseUploads({ db: database.db, caseId, includeInternal: false })).toHaveLength(4);
      // Once sent, a file is part of the record: it cannot be taken back through the form.
      await expect(removeDraftUpload({ db: database.db, storage, ownerId: citizen, id: saved[0]!.id, now })).rejects.toMatchObject({ code: "notFound" });
    });

    it("another citizen cannot take back someone else's file", async () => {
      const draftKey = randomUUID();
      const row = await saveUpload({ db: database.db, storage, ownerId: citizen, uploadedBy: citizen, target: { draftKey }, file, now: new Date() });
      await expect(removeDraftUpload({ db: database.db, storage, ownerId: randomUUID(), id: row.id, now: new Date() })).rejects.toMatchObject({ code: "notFound" });
      expect(await storage.get(row.storageKey)).not.toBeNull();
    });
  });
}
