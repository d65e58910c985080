import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["citizen", "volunteer", "agent", "official", "admin"]);
export const officialLevelEnum = pgEnum("official_level", ["regional", "central"]);

/**
 * Everyone signs in with a Tunisian mobile number (E.164). Citizens create themselves by signing
 * in; staff and volunteers are created by an admin. Staff belong to a body (a catalogue body id,
 * e.g. "steg") and optionally to a service house (a houses id).
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    name: text("name"),
    locale: text("locale").notNull().default("ar-TN"),
    role: roleEnum("role").notNull().default("citizen"),
    bodyId: text("body_id"),
    houseId: text("house_id"),
    officialLevel: officialLevelEnum("official_level"),
    /** Can mediate in sign language (interviews). */
    interpreter: boolean("interpreter").notNull().default(false),
    /** An official who may edit the content of their own body (lib/content); admins always may. */
    contentEditor: boolean("content_editor").notNull().default(false),
    notifySms: boolean("notify_sms").notNull().default(true),
    notifyPush: boolean("notify_push").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    onboardedAt: timestamp("onboarded_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_phone_uq").on(t.phone), index("users_role_body_idx").on(t.role, t.bodyId)],
);

/**
 * Server-side record of every session, so that sign-out (and "sign out of all devices") revokes
 * the JWT for real, and the staff idle timeout can be enforced.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Why it ended: signOut, signOutAll, idle, disabled. */
    revokedReason: text("revoked_reason"),
    userAgent: text("user_agent"),
    ip: text("ip"),
    /** Set for a session opened at a self-service corner (kiosk_devices.id): it is only good
     * from that browser, with that device still enrolled, and under the corner's idle limit. */
    kioskDeviceId: uuid("kiosk_device_id"),
  },
  (t) => [index("sessions_user_idx").on(t.userId).where(sql`${t.revokedAt} is null`)],
);
