import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The call rooms (lib/calls): an interview's room and a permit commission's meeting are the same
 * thing to these tables — a room named "<kind>:<id>" (e.g. "interview:<booking>",
 * "commission:<session>"); who may enter is the owning domain's business, not theirs.
 */

/** Who has a call page open (one row per page load: a "peer"). Liveness by heartbeat. */
export const callPeers = pgTable(
  "call_peers",
  {
    peerId: text("peer_id").primaryKey(),
    room: text("room").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("call_peers_room_idx").on(t.room)],
);

/**
 * Signaling messages between peers (SDP, ICE candidates). Written here and announced with
 * NOTIFY, so the instance holding the recipient's event stream can read and forward them;
 * deleted once the room is empty. Media never passes through the server.
 */
export const callSignals = pgTable(
  "call_signals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    room: text("room").notNull(),
    fromPeer: text("from_peer").notNull(),
    toPeer: text("to_peer"),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("call_signals_room_idx").on(t.room, t.id)],
);
