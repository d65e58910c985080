import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { users } from "@/lib/db/schema";
import { testDatabases } from "@/lib/testing/databases";
import { createStaffAccount, getStaffAccount, listStaffAccounts, setAccountDisabled, updateStaffAccount } from "./accounts";
import { loadActor, startSession } from "./sessions";
import { newStaffAccountSchema, staffAccountChangeSchema } from "./staff-schema";

const t0 = new Date("2026-03-02T08:00:00.000Z");

/** The messages of a refused form, by field. */
function refusal(raw: Record<string, string>): Record<string, string> {
  const r = newStaffAccountSchema.safeParse(raw);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("the account change form", () => {
  it("follows the creation form's rules without the number and the language", () => {
    const base = { userId: "00000000-0000-4000-8000-000000000000", name: "Nour", role: "agent", bodyId: "", houseId: "haidra" };
    expect(staffAccountChangeSchema.safeParse(base).error?.issues.map((i) => i.message)).toEqual(["AdminUsers.errors.bodyRequired"]);
    expect(staffAccountChangeSchema.parse({ ...base, bodyId: "steg" })).toMatchObject({ bodyId: "steg", houseId: "haidra", role: "agent" });
    expect(staffAccountChangeSchema.safeParse({ ...base, userId: "x", bodyId: "steg" }).success).toBe(false);
  });
});

describe("the new staff account form", () => {
  const agent = { phone: "98 123 456", name: "  Nour   Agent ", role: "agent", bodyId: "steg", houseId: "", language: "fr-TN" };

  it("normalises the number and the name; an empty house is none", () => {
    const r = newStaffAccountSchema.parse(agent);
    expect(r).toMatchObject({ phone: "+21698123456", name: "Nour Agent", role: "agent", bodyId: "steg", houseId: null, language: "fr-TN" });
    expect(r.interpreter).toBeUndefined();
  });

  it("says which field is wrong, with the key of its message", () => {
    expect(refusal({ ...agent, phone: "71 234 567" })).toEqual({ phone: "Auth.phone.errors.landline" });
    expect(refusal({ ...agent, phone: "" })).toEqual({ phone: "AdminUsers.errors.phoneEmpty" });
    expect(refusal({ ...agent, name: "   " })).toEqual({ name: "AdminUsers.errors.nameEmpty" });
    expect(refusal({ ...agent, bodyId: "" })).toEqual({ bodyId: "AdminUsers.errors.bodyRequired" });
    expect(refusal({ ...agent, bodyId: "STEG Kasserine" })).toEqual({ bodyId: "AdminUsers.errors.idFormat" });
    expect(refusal({ ...agent, houseId: "-haidra" })).toEqual({ houseId: "AdminUsers.errors.idFormat" });
    expect(refusal({ ...agent, role: "official" })).toEqual({ officialLevel: "AdminUsers.errors.levelRequired" });
    expect(refusal({ ...agent, role: "citizen" })).toMatchObject({ role: "AdminUsers.errors.roleEmpty" });
    const { role: _role, ...noRole } = agent;
    expect(refusal(noRole)).toMatchObject({ role: "AdminUsers.errors.roleEmpty" });
  });

  it("a volunteer needs no body; an official needs a level", () => {
    expect(newStaffAccountSchema.parse({ ...agent, role: "volunteer", bodyId: "", interpreter: "on" })).toMatchObject({ bodyId: null, interpreter: "on" });
    expect(newStaffAccountSchema.parse({ ...agent, role: "official", officialLevel: "central" }).officialLevel).toBe("central");
  });
});

for (const target of testDatabases()) {
  describe(`staff accounts on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });
    let n = 0;
    const phone = () => `+2162${String(Date.now() % 100000).padStart(5, "0")}${String(++n).padStart(2, "0")}`.slice(0, 12);
    const account = (p: string) => ({ phone: p, name: "Nour Agent", role: "agent" as const, bodyId: "steg", houseId: "haidra", officialLevel: null, interpreter: false, locale: "fr-TN" as const });

    it("creates a ready account (no first-time questions) and refuses a number that already has one", async () => {
      const p = phone();
      const created = await createStaffAccount(database.db, account(p), t0);
      expect(created?.id).toBeTruthy();
      expect(await createStaffAccount(database.db, { ...account(p), name: "Other" }, t0)).toBeNull();
      // A citizen's number is not turned into a staff account either.
      const citizen = phone();
      await startSession({ db: database.db, now: t0, phone: citizen, locale: "ar-TN", ip: null, userAgent: null });
      expect(await createStaffAccount(database.db, account(citizen), t0)).toBeNull();
      const [row] = await database.db.select().from(users).where(eq(users.phone, citizen));
      expect(row!.role).toBe("citizen");

      const session = await startSession({ db: database.db, now: t0, phone: p, locale: "ar-TN", ip: null, userAgent: null });
      expect(session).toMatchObject({ userId: created!.id, role: "agent", newAccount: false, onboarded: true });
      const listed = (await listStaffAccounts(database.db)).find((a) => a.id === created!.id);
      expect(listed).toMatchObject({ phone: p, role: "agent", bodyId: "steg", houseId: "haidra", locale: "fr-TN", disabled: false });
      expect((await listStaffAccounts(database.db)).some((a) => a.phone === citizen)).toBe(false);
    });

    it("a disabled account cannot sign in or use a session; enabling it again lets it sign in", async () => {
      const p = phone();
      const created = await createStaffAccount(database.db, account(p), t0);
      const session = await startSession({ db: database.db, now: t0, phone: p, locale: "fr-TN", ip: null, userAgent: null });
      expect(await setAccountDisabled(database.db, { userId: created!.id, disabled: true, now: t0 })).toBe("Nour Agent");
      expect(await loadActor({ db: database.db, sessionId: session!.sessionId, now: t0 })).toBeNull();
      expect(await startSession({ db: database.db, now: t0, phone: p, locale: "fr-TN", ip: null, userAgent: null })).toBeNull();
      expect((await listStaffAccounts(database.db)).find((a) => a.id === created!.id)?.disabled).toBe(true);

      expect(await setAccountDisabled(database.db, { userId: created!.id, disabled: false, now: t0 })).toBe("Nour Agent");
      expect(await startSession({ db: database.db, now: t0, phone: p, locale: "fr-TN", ip: null, userAgent: null })).toMatchObject({ role: "agent" });
    });

    it("never disables a citizen from here, nor an account that does not exist", async () => {
      const citizen = await startSession({ db: database.db, now: t0, phone: phone(), locale: "ar-TN", ip: null, userAgent: null });
      expect(await setAccountDisabled(database.db, { userId: citizen!.userId, disabled: true, now: t0 })).toBeNull();
      expect(await loadActor({ db: database.db, sessionId: citizen!.sessionId, now: t0 })).not.toBeNull();
      expect(await setAccountDisabled(database.db, { userId: "00000000-0000-4000-8000-000000000000", disabled: true, now: t0 })).toBeNull();
    });

    it("changes an account's role, body and house, says what changed, and the holder's next request sees it", async () => {
      const p = phone();
      const created = await createStaffAccount(database.db, account(p), t0);
      const session = await startSession({ db: database.db, now: t0, phone: p, locale: "fr-TN", ip: null, userAgent: null });
      const changes = await updateStaffAccount(database.db, created!.id, { name: "Nour Agent", role: "official", bodyId: "steg", houseId: null, officialLevel: "regional", interpreter: true });
      expect(changes).toEqual({ role: { from: "agent", to: "official" }, houseId: { from: "haidra", to: null }, officialLevel: { from: null, to: "regional" }, interpreter: { from: false, to: true } });
      expect(await loadActor({ db: database.db, sessionId: session!.sessionId, now: t0 })).toMatchObject({ role: "official", houseId: null, interpreter: true });
      expect(await getStaffAccount(database.db, created!.id)).toMatchObject({ role: "official", officialLevel: "regional" });
      // Nothing to change: nothing written.
      expect(await updateStaffAccount(database.db, created!.id, { name: "Nour Agent", role: "official", bodyId: "steg", houseId: null, officialLevel: "regional", interpreter: true })).toEqual({});
      // Never a citizen, never an account that does not exist.
      const citizen = await startSession({ db: database.db, now: t0, phone: phone(), locale: "ar-TN", ip: null, userAgent: null });
      expect(await updateStaffAccount(database.db, citizen!.userId, { name: "X", role: "admin", bodyId: null, houseId: null, officialLevel: null, interpreter: false })).toBeNull();
      expect(await getStaffAccount(database.db, citizen!.userId)).toBeNull();
    });
  });
}
