import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { listUnplaced, placeAccountInMunicipality, placeCaseInMunicipality, submitCase, transitionCase } from "@/lib/cases/engine";
import { getCaseForViewer, listQueue } from "@/lib/cases/read";
import type { Database, Db } from "@/lib/db/open";
import { auditLog, caseEvents, cases, users } from "@/lib/db/schema";
import { makeUser, testDatabases } from "@/lib/testing/db";

/** The body of each case, by reference. */
async function listPlaced(db: Db, references: string[]): Promise<Record<string, string>> {
  const rows = await db.select({ reference: cases.reference, bodyId: cases.bodyId }).from(cases).where(inArray(cases.reference, references));
  return Object.fromEntries(rows.map((r) => [r.reference, r.bodyId]));
}

const report = (over: Record<string, unknown>) => ({
  category: "waste",
  location: { mode: "place", place: "Près du marché hebdomadaire" },
  description: "Les poubelles ne sont plus ramassées depuis une semaine.",
  ...over,
});
const haidraReport = report({ governorate: "kasserine", delegation: "haidra" });
const sfaxReport = report({ governorate: "sfax", delegation: "sfax-ville" });
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { messageKey?: string; code?: string; fields?: Record<string, string> }) => e.fields?.municipalityId ?? e.messageKey ?? e.code);

// isolated: the migration's step runs over the whole cases table.
for (const target of testDatabases({ isolated: true })) {
  describe(`municipalities as bodies on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let haidra: Actor;
    let sfax: Actor;
    let homeless: Actor;
    let admin: Actor;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db);
      haidra = await makeUser(db, { role: "agent", bodyId: "municipality-haidra" });
      sfax = await makeUser(db, { role: "official", bodyId: "municipality-sfax" });
      homeless = await makeUser(db, { role: "agent", bodyId: "municipality" });
      admin = await makeUser(db, { role: "admin" });
    });
    afterAll(async () => database?.close());

    it("routes a report by its delegation, a complaint by the citizen's choice, and asks when the place could be in several towns", async () => {
      expect((await submitCase({ db, kind: "municipal-report", payload: haidraReport, citizen, locale: "ar-TN", now: new Date() })).bodyId).toBe("municipality-haidra");
      expect((await submitCase({ db, kind: "municipal-report", payload: sfaxReport, citizen, locale: "ar-TN", now: new Date() })).bodyId).toBe("municipality-sfax");
      // Foussana: no municipality of the data covers it; a point 2 km from Kasserine's centre places it there.
      const nearKasserine = report({ governorate: "kasserine", delegation: "foussana", location: { mode: "gps", lat: 35.18, lon: 8.82 } });
      expect((await submitCase({ db, kind: "municipal-report", payload: nearKasserine, citizen, locale: "ar-TN", now: new Date() })).bodyId).toBe("municipality-kasserine");
      // Described only: asked, on the municipality field.
      const described = report({ governorate: "kasserine", delegation: "foussana" });
      expect(await errorOf(submitCase({ db, kind: "municipal-report", payload: described, citizen, locale: "ar-TN", now: new Date() }))).toBe("Municipalities.errors.ask");
      expect((await submitCase({ db, kind: "municipal-report", payload: { ...described, municipalityId: "municipality-thala" }, citizen, locale: "ar-TN", now: new Date() })).bodyId).toBe("municipality-thala");
      const complaint = { bodyId: "municipality", category: "other", description: "Le guichet de l'état civil est fermé sans affiche." };
      expect(await errorOf(submitCase({ db, kind: "complaint", payload: complaint, citizen, locale: "fr-TN", now: new Date() }))).toBe("Municipalities.errors.required");
      expect(await errorOf(submitCase({ db, kind: "complaint", payload: { ...complaint, municipalityId: "municipality-nowhere" }, citizen, locale: "fr-TN", now: new Date() }))).toBe("Municipalities.errors.unknown");
      expect((await submitCase({ db, kind: "complaint", payload: { ...complaint, municipalityId: "municipality-sfax" }, citizen, locale: "fr-TN", now: new Date() })).bodyId).toBe("municipality-sfax");
      // A complaint to STEG keeps its body whatever municipality the form sent.
      expect((await submitCase({ db, kind: "complaint", payload: { bodyId: "steg", category: "billing", description: "La facture compte deux fois février.", municipalityId: "municipality-sfax" }, citizen, locale: "fr-TN", now: new Date() })).bodyId).toBe("steg");
    });

    it("an agent of Haïdra neither sees nor acts on a Sfax case (404), and sees only Haïdra's in the queue", async () => {
      const inSfax = await submitCase({ db, kind: "municipal-report", payload: sfaxReport, citizen, locale: "ar-TN", now: new Date() });
      const inHaidra = await submitCase({ db, kind: "municipal-report", payload: haidraReport, citizen, locale: "ar-TN", now: new Date() });
      expect(await getCaseForViewer({ db, reference: inSfax.reference, viewer: haidra, now: new Date() })).toBeNull();
      expect(await errorOf(transitionCase({ db, case: { reference: inSfax.reference }, to: "acknowledged", actor: haidra, now: new Date() }))).toBe("Cases.errors.notFound");
      expect(await getCaseForViewer({ db, reference: inSfax.reference, viewer: sfax, now: new Date() })).not.toBeNull();
      await transitionCase({ db, case: { reference: inSfax.reference }, to: "acknowledged", actor: sfax, now: new Date() });
      const queue = (viewer: Actor) => listQueue({ db, viewer, now: new Date(), pageSize: 100 }).then((q) => q.items.map((i) => i.reference));
      const haidraQueue = await queue(haidra);
      expect(haidraQueue).toContain(inHaidra.reference);
      expect(haidraQueue).not.toContain(inSfax.reference);
      expect(await queue(sfax)).not.toContain(inHaidra.reference);
      // An account still on "the municipality" in general works for no town: nothing, not every town's.
      expect(await queue(homeless)).toEqual([]);
      expect(await getCaseForViewer({ db, reference: inHaidra.reference, viewer: homeless, now: new Date() })).toBeNull();
    });

    it("the migration moves old cases by their delegation or house, writes it in their timeline, and leaves the others to the admin", async () => {
      // Old data: cases and staff on the national "municipality".
      const byDelegation = await submitCase({ db, kind: "municipal-report", payload: sfaxReport, citizen, locale: "ar-TN", now: new Date() });
      const byHouse = await submitCase({ db, kind: "complaint", payload: { bodyId: "municipality", municipalityId: "municipality-haidra", category: "other", description: "Le guichet est fermé sans affiche." }, citizen, locale: "fr-TN", now: new Date() });
      const nowhere = await submitCase({ db, kind: "complaint", payload: { bodyId: "municipality", municipalityId: "municipality-haidra", category: "other", description: "Personne ne répond au téléphone." }, citizen, locale: "fr-TN", now: new Date() });
      await db.update(cases).set({ bodyId: "municipality" }).where(sql`${cases.reference} in (${byDelegation.reference}, ${byHouse.reference}, ${nowhere.reference})`);
      await db.update(cases).set({ houseId: "haidra" }).where(eq(cases.reference, byHouse.reference));
      const oldAgent = await makeUser(db, { role: "agent", bodyId: "municipality", houseId: "demo-sfax-kiosk" });

      const migration = readFileSync(path.join(process.cwd(), "lib/db/migrations/0018_municipality-placement.sql"), "utf8");
      await db.transaction(async (tx) => {
        for (const statement of migration.split("--> statement-breakpoint")) if (statement.trim()) await tx.execute(sql.raw(statement));
      });

      const placed = await listPlaced(db, [byDelegation.reference, byHouse.reference, nowhere.reference]);
      expect(placed).toEqual({ [byDelegation.reference]: "municipality-sfax", [byHouse.reference]: "municipality-haidra", [nowhere.reference]: "municipality" });
      const [row] = await db.select().from(cases).where(eq(cases.reference, byDelegation.reference));
      const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, row!.id)).orderBy(asc(caseEvents.seq));
      expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "submitted"], [2, "placed"]]);
      expect(events[1]!.data).toMatchObject({ fromBodyId: "municipality", toBodyId: "municipality-sfax", by: "migration", rule: "delegation" });
      expect(row!.version).toBe(2);
      expect((await db.select({ bodyId: users.bodyId }).from(users).where(eq(users.id, oldAgent.userId)))[0]!.bodyId).toBe("municipality-sfax");

      // What is left: the admin's page.
      const left = await listUnplaced(db);
      expect(left.cases.map((c) => c.reference)).toContain(nowhere.reference);
      expect(left.accounts.map((a) => a.id)).toContain(homeless.userId);
      expect(await errorOf(placeCaseInMunicipality({ db, actor: haidra, reference: nowhere.reference, municipalityId: "municipality-haidra", now: new Date() }))).toBe("forbidden");
      await placeCaseInMunicipality({ db, actor: admin, reference: nowhere.reference, municipalityId: "municipality-haidra", now: new Date() });
      expect(await errorOf(placeCaseInMunicipality({ db, actor: admin, reference: nowhere.reference, municipalityId: "municipality-sfax", now: new Date() }))).toBe("Municipalities.errors.notToPlace");
      expect(await getCaseForViewer({ db, reference: nowhere.reference, viewer: haidra, now: new Date() })).not.toBeNull();
      await placeAccountInMunicipality({ db, actor: admin, userId: homeless.userId, municipalityId: "municipality-thala" });
      expect(await errorOf(placeAccountInMunicipality({ db, actor: admin, userId: homeless.userId, municipalityId: "municipality-sfax" }))).toBe("Municipalities.errors.notToPlace");
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.actorId, admin.userId)));
      expect(audits.map((a) => a.action).sort()).toEqual(["municipality.placeAccount", "municipality.placeCase"]);
    });
  });
}
