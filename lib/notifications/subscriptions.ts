import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/open";
import { pushSubscriptions, users } from "@/lib/db/schema";

/**
 * Web push subscriptions of a person. Saving one turns push on for them (users.notify_push);
 * removing the last one turns it off. An endpoint belongs to one person: a shared phone moves it.
 */
export async function savePushSubscription(opts: { db: Db; userId: string; endpoint: string; p256dh: string; auth: string; userAgent?: string | null }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await tx
      .insert(pushSubscriptions)
      .values({ userId: opts.userId, endpoint: opts.endpoint, p256dh: opts.p256dh, auth: opts.auth, userAgent: opts.userAgent ?? null })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: opts.userId, p256dh: opts.p256dh, auth: opts.auth, userAgent: opts.userAgent ?? null } });
    await tx.update(users).set({ notifyPush: true }).where(eq(users.id, opts.userId));
  });
}

export async function removePushSubscription(opts: { db: Db; userId: string; endpoint: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, opts.userId), eq(pushSubscriptions.endpoint, opts.endpoint)));
    const [left] = await tx.select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, opts.userId));
    if (Number(left?.n ?? 0) === 0) await tx.update(users).set({ notifyPush: false }).where(eq(users.id, opts.userId));
  });
}
