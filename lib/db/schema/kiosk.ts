import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Browsers enrolled as the self-service corner of a service house (lib/kiosk). The browser holds
 * a signed token naming its row (`__Host-idarti.kiosk`); the row decides: a revoked device drops
 * out of kiosk mode at its next request, whatever cookie it still has.
 */
export const kioskDevices = pgTable(
  "kiosk_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A houses id (lib/houses data slug). */
    houseId: text("house_id").notNull(),
    /** What the staff call it ("corner by the entrance"). */
    label: text("label").notNull(),
    /** Seconds without a touch before the "are you still there?" countdown. */
    idleSeconds: integer("idle_seconds").notNull().default(180),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("kiosk_devices_house_idx").on(t.houseId)],
);
