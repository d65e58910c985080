import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/lib/db/open";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCase, transitionCase } from "@/lib/cases/engine";
import { certificateOfCase } from "./certificates";
import { documentSigningKey } from "./keys";
import { verifyDocument } from "./store";

/**
 * A certificate through the case engine: issued, signed, with the approval (one transaction);
 * revoked with the revocation; a refusal issues nothing; only the issuing body decides.
 */
for (const target of testDatabases()) {
  describe(`administrative certificates on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let municipality: Actor;
    let steg: Actor;

    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db, { name: "Salma Haddad" });
      municipality = await makeUser(db, { role: "agent", bodyId: "municipality-haidra" });
      steg = await makeUser(db, { role: "official", bodyId: "steg" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    const ask = (payload: Record<string, unknown> = {}) =>
      submitCase({ db, kind: "certificate-request", payload: { certificateType: "municipal-residence", municipalityId: "municipality-haidra", language: "fr", purpose: "Prêt bancaire", confirm: "true", ...payload }, citizen, locale: "fr-TN", now: new Date("2026-03-02T09:00:00Z") });

    it("is routed to the issuing body and refuses a language the type is not issued in, or a request not confirmed", async () => {
      const c = await ask();
      expect(c.bodyId).toBe("municipality-haidra");
      for (const bad of [{ language: "en" }, { confirm: "" }, { certificateType: "passport" }]) {
        const error = await ask(bad).catch((e: unknown) => e);
        expect(isAppError(error) && error.code).toBe("validation");
      }
    });

    it("approved: a signed certificate is issued in the same transaction, with the holder's name; revoked: verification says so", async () => {
      const c = await ask();
      expect(await certificateOfCase(db, c.id)).toBeNull();
      const at = new Date("2026-03-03T10:00:00Z");
      await transitionCase({ db, case: { reference: c.reference }, to: "issued", actor: municipality, now: at });
      const doc = await certificateOfCase(db, c.id);
      expect(doc?.data).toMatchObject({ type: "municipal-residence", holder: "Salma Haddad", language: "fr", reference: c.reference, purpose: "Prêt bancaire", demo: true });
      expect(doc?.data.validUntil).toBe(new Date(at.getTime() + 90 * 86_400_000).toISOString());
      const key = documentSigningKey();
      expect(await verifyDocument(db, { code: doc!.code, key })).toMatchObject({ genuine: true });

      await transitionCase({ db, case: { reference: c.reference }, to: "revoked", actor: municipality, message: "Adresse erronée.", now: new Date("2026-03-04T10:00:00Z") });
      expect(await verifyDocument(db, { code: doc!.code, key })).toMatchObject({ genuine: false, why: "revoked" });
    });

    it("refused: nothing is issued; another body may not approve", async () => {
      const c = await ask();
      const error = await transitionCase({ db, case: { reference: c.reference }, to: "issued", actor: steg, now: new Date() }).catch((e: unknown) => e);
      expect(isAppError(error)).toBe(true);
      expect(await certificateOfCase(db, c.id)).toBeNull();
      await transitionCase({ db, case: { reference: c.reference }, to: "refused", actor: municipality, message: "Adresse hors commune.", now: new Date() });
      expect(await certificateOfCase(db, c.id)).toBeNull();
    });
  });
}
