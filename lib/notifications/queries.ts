import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { countUnread, listInbox, markRead } from "./inbox";

/** What pages call (app/ never touches the database). */
export async function unreadCountFor(actor: Actor): Promise<number> {
  const { db } = await getDb();
  return countUnread({ db, userId: actor.userId });
}

/**
 * The inbox page: the list as it was (with what was unread), then everything shown is marked
 * read, so the count in the header goes down on the next page.
 */
export async function openInbox(actor: Actor) {
  const { db } = await getDb();
  const items = await listInbox({ db, userId: actor.userId });
  await markRead({ db, userId: actor.userId, ids: items.filter((n) => !n.readAt).map((n) => n.id), now: await now() });
  return items;
}

/** The public VAPID key for the subscribe button, or null when push is not configured. */
export function pushPublicKey(): string | null {
  return env().VAPID_PUBLIC_KEY ?? null;
}
