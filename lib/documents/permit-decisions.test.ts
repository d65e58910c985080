import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/lib/db/open";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { makeUser, testDatabases } from "@/lib/testing/db";
import { submitCase, transitionCase } from "@/lib/cases/engine";
import { zonedToUtc } from "@/lib/clock/zone";
import type { PermitPayload } from "@/lib/cases/kinds/permit/schema";
import { permitDecisionOfCase } from "./permit-decisions";
import { documentSigningKey } from "./keys";
import { verifyDocument } from "./store";

/**
 * A building permit through the case engine (issue 17): sent, its clock waits for the completeness
 * check; documents asked for and added; complete — 45 days from that day; only the plot's
 * municipality decides; the decision is issued signed in the transaction that decides.
 */
const payload: PermitPayload = {
  draftId: "00000000-0000-4000-8000-000000000001",
  bodyId: "municipality-ain-draham",
  addressArea: "Cité Ennour",
  address: "Rue des Pins, lot 12",
  worksType: "new",
  floorArea: 180,
  townPlanUnderStudy: false,
  protectedSite: false,
  architect: { name: "Leila Ben Salah", registration: "A-1234" },
  documents: ["property-certificate", "construction-project", "income-tax-receipt", "property-tax-receipt", "survey-plan", "site-plan", "ground-plan", "drawings"],
};
const tunis = (m: number, d: number, h = 10) => zonedToUtc({ year: 2026, month: m, day: d }, h * 60);

for (const target of testDatabases()) {
  describe(`building permits on ${target.name}`, () => {
    let database: Database;
    let db: Db;
    let citizen: Actor;
    let agent: Actor;
    let haidra: Actor;

    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      citizen = await makeUser(db, { name: "Salma Haddad" });
      agent = await makeUser(db, { role: "agent", bodyId: "municipality-ain-draham" });
      haidra = await makeUser(db, { role: "agent", bodyId: "municipality-haidra" });
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    it("the clock starts on the day the file is found complete, and the decision is signed with the decision", async () => {
      const c = await submitCase({ db, kind: "permit", payload, citizen, locale: "fr-TN", now: tunis(3, 1) });
      expect(c.bodyId).toBe("municipality-ain-draham");
      const move = (to: string, actor: Actor, at: Date, message?: string) => transitionCase({ db, case: { reference: c.reference }, to, actor, now: at, message });
      const asked = await move("documentsRequested", agent, tunis(3, 2), "Plan du géomètre illisible.");
      expect(asked.clock).toBe("paused");
      // Another town's agent cannot see it, let alone decide.
      const refused = await move("underReview", haidra, tunis(3, 3)).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe("notFound");
      expect((await move("received", citizen, tunis(3, 20))).clock).toBe("paused");
      const complete = await move("underReview", agent, tunis(3, 22, 8));
      expect(complete.clock).toBe("running");
      // 22 March + 45 days: 6 May, to its last millisecond in Tunis.
      expect(complete.dueAt!.getTime()).toBe(zonedToUtc({ year: 2026, month: 5, day: 7 }, 0).getTime() - 1);
      expect(await permitDecisionOfCase(db, c.id)).toBeNull();

      // Conditions are required with that decision.
      const bare = await move("grantedWithConditions", agent, tunis(4, 10)).catch((e: unknown) => e);
      expect(isAppError(bare) && bare.code).toBe("validation");
      const decided = await move("grantedWithConditions", agent, tunis(4, 10), "Recul de 3 m sur la voie publique.");
      expect(decided.clock).toBe("stopped");
      const doc = await permitDecisionOfCase(db, c.id);
      expect(doc?.data).toMatchObject({ reference: c.reference, bodyId: "municipality-ain-draham", decision: "grantedWithConditions", text: "Recul de 3 m sur la voie publique.", holder: "Salma Haddad", addressArea: "Cité Ennour", completeOn: tunis(3, 22, 8).toISOString() });
      expect(await verifyDocument(db, { code: doc!.code, key: documentSigningKey() })).toMatchObject({ genuine: true });
    });

    it("a refusal needs its reasons; a file not yet complete cannot be decided", async () => {
      const c = await submitCase({ db, kind: "permit", payload, citizen, locale: "ar-TN", now: tunis(3, 1) });
      const early = await transitionCase({ db, case: { reference: c.reference }, to: "granted", actor: agent, now: tunis(3, 2) }).catch((e: unknown) => e);
      expect(isAppError(early) && early.code).toBe("conflict");
      await transitionCase({ db, case: { reference: c.reference }, to: "underReview", actor: agent, now: tunis(3, 2) });
      const bare = await transitionCase({ db, case: { reference: c.reference }, to: "refused", actor: agent, now: tunis(3, 5) }).catch((e: unknown) => e);
      expect(isAppError(bare) && bare.code).toBe("validation");
      await transitionCase({ db, case: { reference: c.reference }, to: "refused", actor: agent, now: tunis(3, 5), message: "Zone non constructible." });
      expect((await permitDecisionOfCase(db, c.id))?.data.decision).toBe("refused");
    });
  });
}
