import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { notificationDeliveries, notifications, users } from "@/lib/db/schema";
import type { NotificationType } from "./types";

export type NotifyOptions = {
  /** The transaction of the change that causes the notification: both commit or neither. */
  tx: Db | Tx;
  userId: string;
  type: NotificationType;
  /** Values for the message; texts are made at delivery, in the reader's language. */
  data: Record<string, string>;
  /** Path without the locale prefix, e.g. /my/cases/IDR-26-7K3F-9Q. */
  link?: string;
  caseId?: string;
  /**
   * The channels besides the inbox for this one notification, instead of the person's general
   * settings (e.g. the reminders of a booking, by the choice made when booking). [] = inbox only.
   */
  channels?: readonly Channel[];
  now: Date;
};

export type Channel = "push" | "sms";

/**
 * Writes a notification (the inbox entry) and one delivery row per channel the person chose
 * (push, SMS), or the channels given for this notification. The dispatcher (dispatch.ts) sends them after commit.
 */
export async function notify(opts: NotifyOptions): Promise<{ id: string; channels: string[] }> {
  const [user] = await opts.tx
    .select({ notifySms: users.notifySms, notifyPush: users.notifyPush, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, opts.userId));
  if (!user) throw new Error("notify: unknown user");
  const [row] = await opts.tx
    .insert(notifications)
    .values({ userId: opts.userId, type: opts.type, data: opts.data, link: opts.link ?? null, caseId: opts.caseId ?? null, createdAt: opts.now })
    .returning({ id: notifications.id });
  const channels: Channel[] = [];
  if (!user.disabledAt) {
    if (opts.channels) channels.push(...new Set(opts.channels));
    else {
      if (user.notifyPush) channels.push("push");
      if (user.notifySms) channels.push("sms");
    }
  }
  if (channels.length) {
    await opts.tx
      .insert(notificationDeliveries)
      .values(channels.map((channel) => ({ notificationId: row!.id, channel, nextAttemptAt: opts.now })));
  }
  return { id: row!.id, channels };
}
