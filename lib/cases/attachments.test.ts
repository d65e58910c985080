import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/open";
import { cases, uploads } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/roles";
import { uploadAccess } from "@/lib/documents/uploads/access";
import { inspectUpload, type InspectedUpload } from "@/lib/documents/uploads/inspect";
import { listCaseUploads } from "@/lib/documents/uploads/save";
import { filesystemStorage, type FileStorage } from "@/lib/documents/uploads/storage";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { withStaffFiles } from "./attachments";
import { submitCase, transitionCase } from "./engine";
import { getCaseForViewer } from "./read";
import { infoPayload } from "./kinds/test-payloads";


async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

for (const target of testDatabases()) {
  describe(`an answer and its files, together or not at all, on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let clerk: Actor;
    let file: InspectedUpload;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db);
      clerk = await makeUser(db, { role: "agent", bodyId: "municipality-haidra" });
      file = await inspectUpload(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#0a0" } }).jpeg().toBuffer(), { name: "budget-2025.jpg" });
    }, 180_000);
    afterAll(async () => database?.close());

    const fresh = async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "idarti-answer-"));
      return { dir, storage: filesystemStorage(dir) };
    };
    const answer = (storage: FileStorage, c: { id: string }, message: string, files: InspectedUpload[]) =>
      withStaffFiles({ storage, staffId: clerk.userId, files, visibility: "public", now: new Date() }, (withinTx) =>
        transitionCase({ db, case: c, to: "answered", actor: clerk, message, now: new Date(), withinTx }),
      );

    it("the answer carries its file; the citizen sees it on the case and may open it", async () => {
      const { storage } = await fresh();
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "fr-TN", now: new Date() });
      const answered = await answer(storage, c, "The budget is attached.", [file]);
      expect(answered.status).toBe("answered");
      const view = (await getCaseForViewer({ db, reference: c.reference, viewer: citizen, now: new Date() }))!;
      const seen = await listCaseUploads({ db, caseId: view.row.id, includeInternal: false });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ visibility: "public", ownerId: citizen.userId, uploadedBy: clerk.userId, sha256: file.sha256 });
      expect(uploadAccess(citizen, seen[0]!, { citizenId: citizen.userId, bodyId: "municipality-haidra" })).toBe("private");
      expect((await storage.get(seen[0]!.storageKey))?.equals(file.bytes)).toBe(true);
    });

    it("a refused answer (no message) stores no file", async () => {
      const { dir, storage } = await fresh();
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "fr-TN", now: new Date() });
      await expect(answer(storage, c, "  ", [file])).rejects.toMatchObject({ code: "validation" });
      expect(await db.select().from(uploads).where(eq(uploads.caseId, c.id))).toEqual([]);
      expect(await filesUnder(dir)).toEqual([]);
    });

    it("a file that cannot be stored undoes the answer, and the files stored before it are removed", async () => {
      const { dir, storage } = await fresh();
      let puts = 0;
      const failing: FileStorage = {
        ...storage,
        put: async (key, bytes) => {
          if (++puts === 2) throw new Error("disk full");
          await storage.put(key, bytes);
        },
      };
      const c = await submitCase({ db, kind: "info-request", payload: infoPayload, citizen, locale: "fr-TN", now: new Date() });
      await expect(answer(failing, c, "The budget is attached.", [file, file])).rejects.toThrow("disk full");
      const [row] = await db.select().from(cases).where(eq(cases.id, c.id));
      expect(row).toMatchObject({ status: "received", version: 1, closedAt: null });
      expect(await db.select().from(uploads).where(eq(uploads.caseId, c.id))).toEqual([]);
      expect(await filesUnder(dir)).toEqual([]);
    });
  });
}
