import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The partner API (lib/partner-api): keys a body's own systems call `/api/v1` with. The secret is
 * shown once when an admin creates the key; only its SHA-256 is kept, looked up by the public
 * prefix. A key works for ONE body and only within its scopes; revoking it is immediate.
 */
export const partnerApiKeys = pgTable(
  "partner_api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The public part of the key (`idk_<prefix>_<secret>`), unique: the lookup. */
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key: a 256-bit random secret needs no slow hash. */
    secretHash: text("secret_hash").notNull(),
    bodyId: text("body_id").notNull(),
    label: text("label").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    /** Calls accepted per rolling minute (lib/rate-limit). */
    perMinute: integer("per_minute").notNull().default(600),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("partner_api_keys_prefix_uq").on(t.prefix), index("partner_api_keys_body_idx").on(t.bodyId)],
);

/**
 * Idempotency of the partner API's writes: the first answer given for an `Idempotency-Key`, per
 * key. The row is claimed before the work (status null), so two concurrent calls with the same
 * key cannot both act; a replay gets the stored answer, another request under the key a 409.
 */
export const partnerIdempotency = pgTable(
  "partner_idempotency",
  {
    keyId: uuid("key_id")
      .notNull()
      .references(() => partnerApiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    operation: text("operation").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    body: jsonb("body").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index("partner_idempotency_created_idx").on(t.createdAt)],
);

/**
 * Webhooks: a body's endpoint, told when a case is routed to the body (lib/partner-api/webhooks.ts).
 * The secret signs each delivery (lib/security/timestamped-hmac.ts, as D17 signs its callbacks);
 * it must be read to sign, so `secret` holds it sealed (AES-256-GCM, lib/security/sealed.ts,
 * ADR 0027: `sealed:v1:<key id>:…`), never in clear; the admin sees it once, at registration.
 */
export const partnerWebhooks = pgTable(
  "partner_webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: text("body_id").notNull(),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledBy: uuid("disabled_by").references(() => users.id),
  },
  (t) => [index("partner_webhooks_body_idx").on(t.bodyId)],
);

/** One event for one endpoint, sent until it is taken (2xx) or given up; its id is the event's id. */
export const partnerWebhookDeliveries = pgTable(
  "partner_webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => partnerWebhooks.id, { onDelete: "cascade" }),
    /** The case event that routed the case to the body: one delivery per endpoint and event. */
    caseEventId: uuid("case_event_id").notNull(),
    caseReference: text("case_reference").notNull(),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** pending | delivered | failed (gave up) */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("partner_webhook_deliveries_uq").on(t.webhookId, t.caseEventId),
    index("partner_webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("partner_webhook_deliveries_created_idx").on(t.createdAt),
  ],
);

/** Every attempt of a delivery, for the delivery log: when, the answer's status or the error. */
export const partnerWebhookAttempts = pgTable(
  "partner_webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => partnerWebhookDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    status: integer("status"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("partner_webhook_attempts_delivery_idx").on(t.deliveryId, t.at)],
);
