import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "@/lib/db/open";
import { uploads, users } from "@/lib/db/schema";
import { submitCase } from "@/lib/cases/engine";
import { inspectUpload, type InspectedUpload } from "./inspect";
import { pruneDraftUploads } from "./prune";
import { attachDraftUploads, claimDraftUploads, saveUpload } from "./save";
import { filesystemStorage, type FileStorage } from "./storage";
import { testDatabases } from "@/lib/testing/db";

const DAY = 86_400_000;

// Pruning looks at the whole table: on PostgreSQL, a database of its own (other files leave old drafts).
for (const target of testDatabases({ isolated: true })) {
  describe(`housekeeping of files never sent, on ${target.name}`, () => {
    let database: Database;
    let storage: FileStorage;
    let file: InspectedUpload;
    let citizen: string;
    beforeAll(async () => {
      database = await target.open();
      storage = filesystemStorage(await mkdtemp(path.join(os.tmpdir(), "idarti-prune-")));
      file = await inspectUpload(await sharp({ create: { width: 16, height: 16, channels: 3, background: "#0a0" } }).jpeg().toBuffer(), { name: "p.jpg" });
      const [u] = await database.db.insert(users).values({ phone: `+2165${String(randomInt(0, 1e7)).padStart(7, "0")}` }).returning();
      citizen = u!.id;
    });
    afterAll(async () => database?.close());

    it("deletes the rows and bytes of abandoned forms past the retention, and nothing sent, claimed or recent", async () => {
      const now = new Date();
      const save = (draftKey: string, at: Date) => saveUpload({ db: database.db, storage, ownerId: citizen, uploadedBy: citizen, target: { draftKey }, file, now: at });
      const abandoned = await save(randomUUID(), new Date(now.getTime() - 31 * DAY));
      const recent = await save(randomUUID(), new Date(now.getTime() - 29 * DAY));
      const sentKey = randomUUID();
      const sent = await save(sentKey, new Date(now.getTime() - 40 * DAY));
      const { id: caseId } = await submitCase({ db: database.db, kind: "complaint", payload: { bodyId: "steg", category: "billing", description: "Counted twice." }, citizen: { userId: citizen, role: "citizen" }, locale: "ar-TN", now });
      await attachDraftUploads({ db: database.db, ownerId: citizen, draftKey: sentKey, caseId });
      const claimedKey = randomUUID();
      const claimed = await save(claimedKey, new Date(now.getTime() - 40 * DAY));
      await claimDraftUploads({ db: database.db, ownerId: citizen, draftKey: claimedKey }); // moved to a booking
      // A building-permit file is built over weeks (lib/permits): its files live as long as its draft.
      const permitFile = await save(`permit-${randomUUID()}`, new Date(now.getTime() - 60 * DAY));

      expect(await pruneDraftUploads({ db: database.db, storage, before: new Date(now.getTime() - 30 * DAY) })).toBe(1);
      expect(await database.db.select().from(uploads).where(eq(uploads.id, abandoned.id))).toHaveLength(0);
      expect(await storage.get(abandoned.storageKey)).toBeNull();
      for (const kept of [recent, sent, claimed, permitFile]) {
        expect(await database.db.select().from(uploads).where(eq(uploads.id, kept.id))).toHaveLength(1);
        expect(await storage.get(kept.storageKey)).not.toBeNull();
      }
      // A second run finds nothing more: idempotent, so several instances may run it.
      expect(await pruneDraftUploads({ db: database.db, storage, before: new Date(now.getTime() - 30 * DAY) })).toBe(0);
    });
  });
}
