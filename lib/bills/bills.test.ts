import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomInt } from "node:crypto";
import { type Database } from "@/lib/db/open";
import { users } from "@/lib/db/schema";
import { billerIds } from "./billers";
import { createHttpBillerAdapter } from "./http-adapter";
import { startBillerSimulator, type BillerSimulator } from "./simulator";
import { lookupBill, sortBills } from "./lookup";
import { listMyBills, removeContract, saveContract } from "./contracts";
import { billersAsPayees } from "./payee";
import { BillerUnavailable } from "./types";
import type { BillerAdapters } from "./adapters";
import { testDatabases } from "@/lib/testing/db";

const TOKEN = "bills-test-token-0123456789";
let sim: BillerSimulator;
let adapters: BillerAdapters;

beforeAll(async () => {
  sim = await startBillerSimulator({ port: 0, token: TOKEN });
  adapters = Object.fromEntries(billerIds.map((b) => [b, createHttpBillerAdapter({ biller: b, apiUrl: sim.url, token: TOKEN, timeoutMs: 5000 })])) as BillerAdapters;
});
afterAll(async () => sim?.close());

describe("billers over HTTP (the biller simulator's demo bills)", () => {
  it("finds a STEG bill by reference and key, masks the name, tells unpaid from overdue and paid", async () => {
    const bill = await lookupBill({ adapters, biller: "steg", reference: "40 112 233 01", key: "17" });
    expect(bill).toMatchObject({ biller: "steg", reference: "4011223301", amountMillimes: 87_450, status: "unpaid", customer: "فا*** ب** ع**" });
    expect(bill.period).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
    expect((await lookupBill({ adapters, biller: "steg", reference: "4011223300", key: "17" })).status).toBe("overdue");
    expect((await lookupBill({ adapters, biller: "steg", reference: "4011223299", key: "17" })).status).toBe("paid");
    expect((await lookupBill({ adapters, biller: "tt", reference: "7712345601" })).status).toBe("unpaid");
  });

  it("answers a wrong key exactly like an unknown reference", async () => {
    await expect(lookupBill({ adapters, biller: "steg", reference: "4011223301", key: "18" })).rejects.toMatchObject({ code: "notFound" });
    await expect(lookupBill({ adapters, biller: "steg", reference: "4099999999", key: "17" })).rejects.toMatchObject({ code: "notFound" });
  });

  it("checks the input before asking anyone", async () => {
    await expect(lookupBill({ adapters, biller: "steg", reference: "12", key: "" })).rejects.toMatchObject({ code: "validation", fields: { reference: "Bills.errors.referenceFormat.steg", key: "Bills.errors.keyRequired" } });
    await expect(lookupBill({ adapters, biller: "edf", reference: "1" })).rejects.toMatchObject({ fields: { biller: "Bills.errors.billerRequired" } });
  });

  it("says 'unavailable', not 'not found', when the biller is down", async () => {
    sim.setDown(true);
    try {
      await expect(lookupBill({ adapters, biller: "sonede", reference: "120345601", key: "08" })).rejects.toMatchObject({ code: "unavailable" });
      await expect(adapters.steg.notifyPayment({ reference: "4011223301", amountMillimes: 87_450, paymentReference: "PAY-X", paidAt: new Date() })).rejects.toBeInstanceOf(BillerUnavailable);
    } finally {
      sim.setDown(false);
    }
  });

  it("takes a payment notice once, idempotently, and refuses a bill paid elsewhere", async () => {
    const reference = `8${String(randomInt(1e9)).padStart(9, "0")}`;
    sim.addBill({ biller: "steg", reference, contract: "81234567", key: "11", customerName: "Test", periodStartDays: -60, periodEndDays: -1, dueDays: 5, amount: 5_000 });
    const payees = billersAsPayees(adapters);
    expect(await payees.confirm({ payee: "steg", reference, key: "11", amountMillimes: 5_000 })).toMatchObject({ ok: true });
    expect(await payees.confirm({ payee: "steg", reference, key: "11", amountMillimes: 4_000 })).toMatchObject({ ok: false, problem: "amountChanged" });
    const notice = { payee: "steg", reference, amountMillimes: 5_000, paymentReference: "PAY-AAAA-BBBB", paidAt: new Date() };
    expect(await payees.notifyPaid(notice)).toBe("accepted");
    expect(await payees.notifyPaid(notice)).toBe("accepted");
    expect(sim.notices().filter((n) => n.reference === reference)).toHaveLength(1);
    expect(await payees.notifyPaid({ ...notice, paymentReference: "PAY-CCCC-DDDD" })).toBe("alreadyPaid");
    expect(await payees.confirm({ payee: "steg", reference, key: "11", amountMillimes: 5_000 })).toMatchObject({ ok: false, problem: "paid" });
  });

  it("sorts overdue first, then by due date", () => {
    const sorted = sortBills([
      { status: "unpaid", dueDate: "2026-03-10" },
      { status: "paid", dueDate: "2026-01-01" },
      { status: "overdue", dueDate: "2026-02-01" },
      { status: "unpaid", dueDate: "2026-03-01" },
    ] as const as { status: "unpaid" | "paid" | "overdue"; dueDate: string }[]);
    expect(sorted.map((b) => `${b.status}:${b.dueDate}`)).toEqual(["overdue:2026-02-01", "unpaid:2026-03-01", "unpaid:2026-03-10", "paid:2026-01-01"]);
  });
});

const targets = testDatabases();

for (const target of targets) {
  describe(`my bills on ${target.name}`, () => {
    let database: Database;
    let userId: string;
    beforeAll(async () => {
      database = await target.open();
      const [u] = await database.db.insert(users).values({ phone: `+2165${String(randomInt(1e7)).padStart(7, "0")}` }).returning();
      userId = u!.id;
    });
    afterAll(async () => database?.close());

    it("saves a house's STEG and SONEDE contracts and lists their bills across bodies", async () => {
      await expect(saveContract({ db: database.db, adapters, userId, biller: "steg", contract: "40112233", key: "99", label: "Kasserine" })).rejects.toMatchObject({ code: "notFound" });
      await saveContract({ db: database.db, adapters, userId, biller: "steg", contract: "40112233", key: "17", label: "دار القصرين" });
      await saveContract({ db: database.db, adapters, userId, biller: "sonede", contract: "1203456", key: "08", label: "دار القصرين" });
      const mine = await listMyBills({ db: database.db, adapters, userId });
      expect(mine.map((m) => m.contract.billerId)).toEqual(["steg", "sonede"]);
      const steg = mine[0]!;
      expect(steg.problem).toBeNull();
      expect(steg.bills.map((b) => b.status)).toEqual(["overdue", "unpaid", "paid"]);
      sim.setDown(true);
      try {
        const down = await listMyBills({ db: database.db, adapters, userId });
        expect(down.every((d) => d.problem === "unavailable")).toBe(true);
      } finally {
        sim.setDown(false);
      }
      await removeContract({ db: database.db, userId, contractId: steg.contract.id });
      expect((await listMyBills({ db: database.db, adapters, userId })).map((m) => m.contract.billerId)).toEqual(["sonede"]);
    });
  });
}
