import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { MyFileSource } from "@/lib/cases/my-file";
import { paymentItems, payments } from "@/lib/db/schema";
import type { PaymentState } from "./states";

/**
 * Payments in "my file" (the engine's MyFileSource shape, lib/cases/my-file.ts): paid ones lead
 * to their receipt, unsettled ones to their status page. Declined and expired attempts are left
 * out: no money moved, and the bill shows as unpaid again in "my bills".
 */
const shown: PaymentState[] = ["created", "pending", "paid", "refunded"];
const tones = { created: "blue", pending: "blue", paid: "green", refunded: "purple" } as const;

export const paymentsSource: MyFileSource = {
  id: "payments",
  async list({ db, userId }) {
    const rows = await db.select().from(payments).where(eq(payments.userId, userId)).orderBy(desc(payments.createdAt)).limit(100);
    const mine = rows.filter((p) => shown.includes(p.state));
    if (mine.length === 0) return [];
    const items = await db.select().from(paymentItems).where(inArray(paymentItems.paymentId, mine.map((p) => p.id)));
    return mine.map((p) => {
      const state = p.state as keyof typeof tones;
      const bills = items.filter((i) => i.paymentId === p.id);
      return {
        key: `payment:${p.id}`,
        source: "payments",
        kindKey: p.state === "paid" || p.state === "refunded" ? "Receipt.title" : "Pay.title",
        title: bills.map((b) => `${b.payee.toUpperCase()} ${b.reference}`).join(" + "),
        titleParts: bills.map((b) => ({ labelKey: `Bills.billers.${b.payee}.short`, value: b.reference })),
        reference: p.reference,
        statusKey: `Pay.states.${p.state}`,
        tone: tones[state],
        href: p.state === "paid" ? `/pay/receipt/${p.id}` : `/pay/status/${p.id}`,
        date: p.paidAt ?? p.createdAt,
        dateKey: p.paidAt ? "MyFile.paidOn" : "MyFile.startedOn",
        open: p.state === "created" || p.state === "pending",
      };
    });
  },
};
