import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const paymentStateEnum = pgEnum("payment_state", ["created", "pending", "paid", "declined", "expired", "refunded"]);

/**
 * What the citizen chose to pay, kept between "choose bills" and "pay" so that the bills' keys
 * never travel in URLs. Items were confirmed with the biller when the checkout was made and are
 * confirmed again when the payment starts.
 */
export const paymentCheckouts = pgTable("payment_checkouts", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  items: jsonb("items").$type<CheckoutItemRow[]>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export type CheckoutItemRow = {
  payee: string;
  reference: string;
  key: string | null;
  amountMillimes: number;
  customer: string;
  period: string | null;
  dueDate: string | null;
};

/** One payment attempt: one idempotency key, one request-to-pay at the gateway. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Citizen-readable reference, sent to the gateway as the merchant reference. */
    reference: text("reference").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "restrict" }),
    checkoutId: uuid("checkout_id").references(() => paymentCheckouts.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    gateway: text("gateway").notNull(),
    gatewayPaymentId: text("gateway_payment_id"),
    gatewayTransactionId: text("gateway_transaction_id"),
    payerPhone: text("payer_phone").notNull(),
    amountMillimes: integer("amount_millimes").notNull(),
    feeMillimes: integer("fee_millimes").notNull(),
    totalMillimes: integer("total_millimes").notNull(),
    state: paymentStateEnum("state").notNull(),
    /** Why it ended as it did (declined / expired): a closed set, translated at the edge. */
    reason: text("reason"),
    locale: text("locale").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** When the settle job may next ask the gateway (a lease: claimed rows move it forward). */
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    /** Last time the payer's page asked where the payment stands: while they wait, a request D17 never got is sent again. */
    payerSeenAt: timestamp("payer_seen_at", { withTimezone: true }),
    lastError: text("last_error"),
    /** Every billers' notification done (or given up); the settle job retries until then. */
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("payments_reference_uq").on(t.reference),
    uniqueIndex("payments_idempotency_uq").on(t.idempotencyKey),
    uniqueIndex("payments_gateway_id_uq").on(t.gateway, t.gatewayPaymentId),
    index("payments_user_idx").on(t.userId, t.createdAt),
    index("payments_due_idx").on(t.nextCheckAt).where(sql`${t.state} in ('created', 'pending') or (${t.state} = 'paid' and ${t.fulfilledAt} is null)`),
  ],
);

/** The bills one payment covers. `active` holds the bill: one bill, one payment in flight or paid. */
export const paymentItems = pgTable(
  "payment_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id").notNull().references(() => payments.id, { onDelete: "cascade" }),
    payee: text("payee").notNull(),
    reference: text("reference").notNull(),
    customer: text("customer").notNull(),
    period: text("period"),
    dueDate: date("due_date", { mode: "string" }),
    amountMillimes: integer("amount_millimes").notNull(),
    active: boolean("active").notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    notifyAttempts: integer("notify_attempts").notNull().default(0),
    /** The biller's answer when it refused the notification (e.g. paid elsewhere meanwhile). */
    notifyOutcome: text("notify_outcome"),
  },
  (t) => [
    uniqueIndex("payment_items_in_flight_uq").on(t.payee, t.reference).where(sql`${t.active}`),
    index("payment_items_payment_idx").on(t.paymentId),
  ],
);

/**
 * The ledger: one row per state change, never updated or deleted. A state is entered at most
 * once per payment (unique), so a replayed callback or a second worker cannot write it twice.
 */
export const paymentLedger = pgTable(
  "payment_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id").notNull().references(() => payments.id, { onDelete: "restrict" }),
    fromState: paymentStateEnum("from_state").notNull(),
    toState: paymentStateEnum("to_state").notNull(),
    /** What made us look: create, callback, status-check, settle-job, expiry, reconcile. */
    source: text("source").notNull(),
    amountMillimes: integer("amount_millimes").notNull(),
    gatewayPaymentId: text("gateway_payment_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("payment_ledger_state_uq").on(t.paymentId, t.toState), index("payment_ledger_at_idx").on(t.at)],
);
