import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedCatalogue } from "@/lib/catalogue/catalogue";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/open";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { AppError } from "@/lib/errors";
import { applyForm } from "./form-model";
import { lockedFields } from "./kinds";
import type { Editor } from "./permissions";
import { editorFor, listVersions, loadPublished, publishDraft, readRevision, restoreVersion, saveDraft, seedContent, setContentEditor, setReviewRequired } from "./store";

const SLUG = "pay-steg-bill";

for (const target of testDatabases({ isolated: true })) {
  describe(`the content store (${target.name})`, () => {
    let database: Database;
    let author: Editor;
    let reviewer: Editor;
    beforeAll(async () => {
      database = await target.open();
      const a = await makeUser(database.db, { role: "official", bodyId: "steg", name: "Auteur" });
      const r = await makeUser(database.db, { role: "admin", name: "Relecteur" });
      await setContentEditor(database.db, a.userId, true);
      author = await editorFor(database.db, a);
      reviewer = await editorFor(database.db, r);
    });
    afterAll(async () => database?.close());

    it("seeds version 1 of each document from the data files once, and serves them", async () => {
      const first = await seedContent(database.db);
      expect(first).toBeGreaterThan(seedCatalogue().services.length);
      expect(await seedContent(database.db)).toBe(0);
      const loaded = await loadPublished(database.db);
      expect(loaded.revision).toBe(1);
      expect(loaded.snapshot.catalogue).toEqual(seedCatalogue());
    });

    it("draft → refused to its author → published by another → restored; each publish moves the revision", async () => {
      const v1 = (await listVersions(database.db, "service", SLUG))[0]!;
      expect(author.contentEditor).toBe(true);
      const blank = applyForm(v1.data, lockedFields.service, { _add: "documents" });
      const last = (blank.documents as unknown[]).length - 1;
      const added = applyForm(blank, lockedFields.service, { [`documents.${last}.name.ar`]: "وصل الخلاص السابق", [`documents.${last}.name.fr`]: "Dernier reçu de paiement", [`documents.${last}.name.en`]: "Last payment receipt" });
      const docs = added.documents as { name: Record<string, string> }[];
      const n = await saveDraft(database.db, author, { kind: "service", key: SLUG, from: 1, data: added, note: "reçu" });
      expect(n).toBe(2);
      // The public still sees version 1.
      expect((await loadPublished(database.db)).snapshot.catalogue.services.find((s) => s.slug === SLUG)!.documents).toHaveLength(docs.length - 1);

      await expect(publishDraft(database.db, author, { kind: "service", key: SLUG, number: 2, today: "2026-12-07" })).rejects.toMatchObject({ code: "forbidden", messageKey: "ContentEditing.errors.ownDraft" });
      const published = await publishDraft(database.db, reviewer, { kind: "service", key: SLUG, number: 2, today: "2026-12-07" });
      expect(published).toEqual({ revision: 2, previous: 1 });
      const served = (await loadPublished(database.db)).snapshot.catalogue.services.find((s) => s.slug === SLUG)!;
      expect(served.documents.at(-1)!.name.fr).toBe("Dernier reçu de paiement");
      expect(served.version).toEqual({ number: 2, checkedOn: "2026-12-07" });

      const versions = await listVersions(database.db, "service", SLUG);
      expect(versions.map((v) => [v.number, v.status, v.authorName, v.publishedByName])).toEqual([
        [2, "published", "Auteur", "Relecteur"],
        [1, "archived", null, null],
      ]);

      const r = await restoreVersion(database.db, author, { kind: "service", key: SLUG, number: 1 });
      expect(r).toBe(3);
      await publishDraft(database.db, reviewer, { kind: "service", key: SLUG, number: 3, today: "2026-12-08" });
      const back = (await loadPublished(database.db)).snapshot.catalogue.services.find((s) => s.slug === SLUG)!;
      expect(back.documents).toEqual(seedCatalogue().services.find((s) => s.slug === SLUG)!.documents);
      expect(back.version).toEqual({ number: 3, checkedOn: "2026-12-08" });
      expect(await readRevision(database.db)).toBe(3);
    });

    it("a bad value is refused on its field, nothing saved; a missing translation is saved but never published", async () => {
      const v = (await listVersions(database.db, "service", SLUG)).find((x) => x.status === "published")!;
      const bad = applyForm(v.data, lockedFields.service, { "documents.0.count": "deux" });
      const error = await saveDraft(database.db, author, { kind: "service", key: SLUG, from: v.number, data: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual({ "documents.0.count": "ContentEditing.errors.invalid_type" });
      const before = (await listVersions(database.db, "service", SLUG)).length;

      const missing = applyForm(v.data, lockedFields.service, { "title.en": "" });
      const n = await saveDraft(database.db, author, { kind: "service", key: SLUG, from: v.number, data: missing });
      expect((await listVersions(database.db, "service", SLUG)).length).toBe(before + 1);
      await expect(publishDraft(database.db, reviewer, { kind: "service", key: SLUG, number: n, today: "2026-12-09" })).rejects.toMatchObject({ messageKey: "ContentEditing.errors.missingTranslations" });
    });

    it("a body's complaint categories: its official edits them (not another body's), a reviewer publishes, the engine reads the new service level; two ids alike are refused on the field", async () => {
      const key = "steg";
      const v1 = (await listVersions(database.db, "complaint-categories", key))[0]!;
      expect(v1.ownerBody).toBe("steg");
      const changed = applyForm(v1.data, lockedFields["complaint-categories"], { "complaintCategories.1.serviceLevelDays": "4" });
      const n = await saveDraft(database.db, author, { kind: "complaint-categories", key, from: v1.number, data: changed });
      await publishDraft(database.db, reviewer, { kind: "complaint-categories", key, number: n, today: "2026-12-07" });
      const served = (await loadPublished(database.db)).snapshot.complaintCategories.find((d) => d.bodyId === key)!;
      expect(served.complaintCategories[1]).toMatchObject({ id: "outage", serviceLevelDays: 4 });

      const twice = { ...changed, complaintCategories: [...(changed.complaintCategories as object[]), { id: "billing", name: { ar: "ب", fr: "b", en: "b" }, serviceLevelDays: 3 }] };
      const error = await saveDraft(database.db, author, { kind: "complaint-categories", key, from: n, data: twice }).catch((e: unknown) => e);
      expect((error as AppError).fields).toEqual({ [`complaintCategories.${(changed.complaintCategories as object[]).length}.id`]: "ContentEditing.errors.duplicateId" });

      const municipal = (await listVersions(database.db, "report-categories", "municipality"))[0]!;
      await expect(saveDraft(database.db, author, { kind: "report-categories", key: "municipality", from: municipal.number, data: municipal.data })).rejects.toMatchObject({ code: "forbidden" });
    });

    it("another body's official cannot edit; with review off, the author may publish", async () => {
      const other = await makeUser(database.db, { role: "official", bodyId: "sonede" });
      await database.db.update(users).set({ contentEditor: true }).where(eq(users.id, other.userId));
      const sonede = await editorFor(database.db, other);
      await expect(saveDraft(database.db, sonede, { kind: "service", key: SLUG, from: 1, data: (await listVersions(database.db, "service", SLUG)).at(-1)!.data })).rejects.toMatchObject({ code: "forbidden" });

      await setReviewRequired(database.db, "steg", false, reviewer.userId);
      const v = (await listVersions(database.db, "service", SLUG)).find((x) => x.status === "published")!;
      const n = await saveDraft(database.db, author, { kind: "service", key: SLUG, from: v.number, data: applyForm(v.data, lockedFields.service, { "summary.fr": "Payer sa facture STEG." }) });
      await publishDraft(database.db, author, { kind: "service", key: SLUG, number: n, today: "2026-12-10" });
      expect((await loadPublished(database.db)).snapshot.catalogue.services.find((s) => s.slug === SLUG)!.summary.fr).toBe("Payer sa facture STEG.");
    });
  });
}
