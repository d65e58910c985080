import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/roles";
import { transitionCase } from "@/lib/cases/engine";
import { getCaseForViewer, listQueue } from "@/lib/cases/read";
import type { Database, Db, Tx } from "@/lib/db/open";
import { cases, uploads } from "@/lib/db/schema";
import { documentSigningKey } from "@/lib/documents/keys";
import { verifyDocument } from "@/lib/documents/store";
import { receiptsOfCase } from "@/lib/documents/submission-receipts";
import { isAppError } from "@/lib/errors";
import { submitCaseOnce } from "@/lib/outbox/submit";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { getService } from "./catalogue";
import { scannedSubmissionPayload } from "./scanned";

/**
 * A scanned-document submission through the real submission path (lib/outbox/submit.ts): the
 * catalogue's list decides what is missing; the signed receipt lists every file with its SHA-256
 * and fixes the date; an addition asked for by staff gets its own receipt and the original date
 * stays; only the receiving body acts.
 */
const service = getService("steg-contract-transfer")!;
const payload = scannedSubmissionPayload(service);
const hash = (n: number) => n.toString(16).padStart(64, "0");

for (const target of testDatabases()) {
  describe(`scanned submissions on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let steg: Actor;
    let cnss: Actor;
    let sfaxAgent: Actor;
    let haidraAgent: Actor;
    let seq = 0;

    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db, { name: "Salma Haddad" });
      steg = await makeUser(db, { role: "official", bodyId: "steg" });
      cnss = await makeUser(db, { role: "official", bodyId: "cnss" });
      sfaxAgent = await makeUser(db, { role: "agent", bodyId: "municipality-sfax" });
      haidraAgent = await makeUser(db, { role: "agent", bodyId: "municipality-haidra" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    // A stored upload as the pipeline leaves it (the bytes' storage is not what is tested here).
    const file = (db2: Db | Tx, where: { draftKey: string } | { caseId: string }, slot: string, name: string) =>
      db2
        .insert(uploads)
        .values({ ownerId: citizen.userId, uploadedBy: citizen.userId, draftKey: "draftKey" in where ? where.draftKey : null, caseId: "caseId" in where ? where.caseId : null, storageKey: `test/${name}`, mediaType: "application/pdf", bytes: 1000 + ++seq, sha256: hash(seq), originalSha256: hash(seq), label: name, slot, createdAt: new Date(Date.UTC(2026, 2, 2, 8, 0, seq)) })
        .returning()
        .then((r) => r[0]!);
    const key = () => `scan-test-key-${++seq}-${Math.random().toString(36).slice(2)}`;
    const send = (k: string, at = new Date("2026-03-02T09:00:00Z")) =>
      submitCaseOnce({ db, actor: citizen, key: k, kind: "document-submission", payload, locale: "fr-TN", now: at, composed: true });

    it("the catalogue decides: the CIN and the last bill are needed, the deed, lease and consent only if they apply", () => {
      expect(payload.bodyId).toBe("steg");
      expect(payload.documents.filter((d) => d.mandatory).map((d) => d.id)).toEqual(["cin", "last-bill"]);
    });

    it("a missing mandatory document refuses the sending, as an error on that document; nothing is created", async () => {
      const k = key();
      await file(db, { draftKey: k }, "cin", "cin.pdf");
      const [before] = await db.select({ n: count() }).from(cases).where(eq(cases.citizenId, citizen.userId));
      const error = await send(k).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("validation");
      expect(isAppError(error) && error.fields).toEqual({ "doc-last-bill": "DocumentSubmission.errors.missing" });
      const [after] = await db.select({ n: count() }).from(cases).where(eq(cases.citizenId, citizen.userId));
      expect(after!.n).toBe(before!.n);
      // The files stay on the form, not on a case: the citizen adds the missing one and sends again.
      const [held] = await db.select({ n: count() }).from(uploads).where(and(eq(uploads.draftKey, k), eq(uploads.ownerId, citizen.userId)));
      expect(held!.n).toBe(1);
    });

    it("the signed receipt lists every file with its SHA-256 and the time received; the generic outbox cannot file this kind", async () => {
      const k = key();
      const files = [await file(db, { draftKey: k }, "cin", "cin-recto.jpg"), await file(db, { draftKey: k }, "cin", "cin-verso.jpg"), await file(db, { draftKey: k }, "last-bill", "facture.pdf"), await file(db, { draftKey: k }, "lease", "bail.pdf")];
      const at = new Date("2026-03-02T21:30:00Z"); // 22:30 in Tunis: the day that counts is Tunis's
      const { result } = await send(k, at);
      expect(result.bodyId).toBe("steg");
      const [receipt] = await receiptsOfCase(db, result.id);
      expect(receipt!.data.files.map((f) => [f.name, f.document, f.sha256])).toEqual(files.map((f) => [f.label, f.slot, f.sha256]));
      expect(receipt!.data).toMatchObject({ reference: result.reference, addition: 0, receivedAt: at.toISOString(), originalReceivedAt: at.toISOString(), holder: "Salma Haddad", service: service.slug, version: service.version.number });
      expect(await verifyDocument(db, { code: receipt!.code, key: documentSigningKey() })).toMatchObject({ genuine: true });

      const forged = await submitCaseOnce({ db, actor: citizen, key: key(), kind: "document-submission", payload, locale: "fr-TN", now: at }).catch((e: unknown) => e);
      expect(isAppError(forged) && forged.code).toBe("validation");
    });

    it("staff ask for a document (clock paused); the addition has its own dated receipt and the original date stays", async () => {
      const k = key();
      await file(db, { draftKey: k }, "cin", "cin.pdf");
      await file(db, { draftKey: k }, "last-bill", "flou.jpg");
      const first = new Date("2026-03-02T09:00:00Z");
      const { result } = await send(k, first);
      const asked = await transitionCase({ db, case: { id: result.id }, to: "documentsRequested", actor: steg, message: "La facture est illisible.", now: new Date("2026-03-03T09:00:00Z") });
      expect(asked.clock).toBe("paused");

      // Coming back without a file is refused, and issues nothing.
      const empty = await transitionCase({ db, case: { id: result.id }, to: "received", actor: citizen, now: new Date("2026-03-04T09:00:00Z") }).catch((e: unknown) => e);
      expect(isAppError(empty) && empty.code).toBe("validation");
      expect(await receiptsOfCase(db, result.id)).toHaveLength(1);

      const later = new Date("2026-03-05T10:15:00Z");
      let added: typeof uploads.$inferSelect | undefined;
      const back = await transitionCase({ db, case: { id: result.id }, to: "received", actor: citizen, now: later, withinTx: async (tx, c) => void (added = await file(tx, { caseId: c.id }, "last-bill", "facture-nette.pdf")) });
      expect(back.submittedAt.toISOString()).toBe(first.toISOString());
      const receipts = await receiptsOfCase(db, result.id);
      expect(receipts.map((r) => r.data.addition)).toEqual([0, 1]);
      expect(receipts[1]!.data).toMatchObject({ addition: 1, receivedAt: later.toISOString(), originalReceivedAt: first.toISOString() });
      expect(receipts[1]!.data.files.map((f) => f.sha256)).toEqual([added!.sha256]);
      expect(receipts[1]!.issuedAt.toISOString()).toBe(later.toISOString());
      expect(receipts[0]!.data.receivedAt).toBe(first.toISOString());
    });

    it("a procedure of the municipality asks which one; sent, it is in that town's queue and not another town's", async () => {
      const occupancy = getService("occupancy-permit")!;
      expect(occupancy.body).toBe("municipality");
      // Only the generic municipality takes a town: STEG's payload ignores one sent by a crafted form.
      expect(scannedSubmissionPayload(service, "municipality-sfax")).not.toHaveProperty("municipalityId");
      const k = key();
      for (const d of occupancy.documents) await file(db, { draftKey: k }, d.id, `${d.id}.pdf`);
      const sendTo = (municipalityId?: string) => submitCaseOnce({ db, actor: citizen, key: k, kind: "document-submission", payload: scannedSubmissionPayload(occupancy, municipalityId), locale: "ar-TN", now: new Date(), composed: true });
      // Online, no town chosen: asked on the municipality field, nothing created, the files kept.
      const unplaced = await sendTo().catch((e: unknown) => e);
      expect(isAppError(unplaced) && unplaced.fields).toEqual({ municipalityId: "Municipalities.errors.required" });
      const [held] = await db.select({ n: count() }).from(uploads).where(eq(uploads.draftKey, k));
      expect(held!.n).toBe(occupancy.documents.length);

      const { result } = await sendTo("municipality-sfax");
      expect(result.bodyId).toBe("municipality-sfax");
      const [row] = await db.select().from(cases).where(eq(cases.id, result.id));
      expect(row!.payload).toMatchObject({ bodyId: "municipality", municipalityId: "municipality-sfax" });
      expect(await getCaseForViewer({ db, reference: result.reference, viewer: sfaxAgent, now: new Date() })).not.toBeNull();
      expect(await getCaseForViewer({ db, reference: result.reference, viewer: haidraAgent, now: new Date() })).toBeNull();
      const queue = (viewer: Actor) => listQueue({ db, viewer, now: new Date(), pageSize: 100 }).then((q) => q.items.map((i) => i.reference));
      expect(await queue(sfaxAgent)).toContain(result.reference);
      expect(await queue(haidraAgent)).not.toContain(result.reference);
      const refused = await transitionCase({ db, case: { id: result.id }, to: "accepted", actor: haidraAgent, now: new Date() }).catch((e: unknown) => e);
      expect(isAppError(refused) && ["forbidden", "notFound"].includes(refused.code)).toBe(true);
    });

    it("another body can neither ask for a document nor decide", async () => {
      const k = key();
      await file(db, { draftKey: k }, "cin", "cin.pdf");
      await file(db, { draftKey: k }, "last-bill", "facture.pdf");
      const { result } = await send(k);
      for (const to of ["documentsRequested", "accepted"]) {
        const error = await transitionCase({ db, case: { id: result.id }, to, actor: cnss, message: "x", now: new Date() }).catch((e: unknown) => e);
        expect(isAppError(error) && ["forbidden", "notFound"].includes(error.code)).toBe(true);
      }
      const [row] = await db.select().from(cases).where(eq(cases.id, result.id));
      expect(row!.status).toBe("received");
    });
  });
}
