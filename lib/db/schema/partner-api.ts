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
