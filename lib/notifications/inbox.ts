import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { notifications } from "@/lib/db/schema";

/** The in-app inbox: every notification, whatever else was sent. */
export type InboxItem = typeof notifications.$inferSelect;

export async function listInbox(opts: { db: Db | Tx; userId: string; limit?: number }): Promise<InboxItem[]> {
  return opts.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, opts.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(opts.limit ?? 100);
}

export async function countUnread(opts: { db: Db | Tx; userId: string }): Promise<number> {
  const [row] = await opts.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, opts.userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks the given notifications (only the reader's own) as read. */
export async function markRead(opts: { db: Db | Tx; userId: string; ids: string[]; now: Date }): Promise<void> {
  if (!opts.ids.length) return;
  await opts.db
    .update(notifications)
    .set({ readAt: opts.now })
    .where(and(eq(notifications.userId, opts.userId), inArray(notifications.id, opts.ids), isNull(notifications.readAt)));
}
