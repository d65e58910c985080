import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** "My bills": the contracts a citizen saved (a house's STEG and SONEDE contracts…). */
export const billContracts = pgTable(
  "bill_contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    billerId: text("biller_id").notNull(),
    contractReference: text("contract_reference").notNull(),
    /** The biller's "key" (المفتاح) where it uses one. */
    contractKey: text("contract_key"),
    /** The citizen's own name for it: "house in Kasserine". */
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bill_contracts_user_uq").on(t.userId, t.billerId, t.contractReference)],
);
